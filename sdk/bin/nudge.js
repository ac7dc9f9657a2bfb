#!/usr/bin/env node
// The `nudge` bin. A checked-in launcher (executable in git) rather than dist/cli/main.js itself,
// because tsc writes dist/ without the executable bit and npm links bins before the first build.
import '../dist/cli/main.js';
