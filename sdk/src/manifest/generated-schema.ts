/**
 * Generated from schemas/plugin-manifest.schema.json by `npm run schemas:generate` — do not edit.
 * A test fails when this file differs from what the generator produces.
 */

/** The plugin manifest JSON Schema, `$id` https://schemas.nudgecampaign.dev/plugin-manifest/v1.json. */
export const PLUGIN_MANIFEST_SCHEMA = {
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://schemas.nudgecampaign.dev/plugin-manifest/v1.json",
  "title": "PluginManifest",
  "description": "A NudgeCampaign plugin manifest, version 1: the plugin definition with every function removed, plus sdkVersion and the names of its option providers (docs/plugin-contract.md §4).",
  "type": "object",
  "required": [
    "id",
    "name",
    "description",
    "kind",
    "categories",
    "version",
    "icon",
    "auth",
    "settings",
    "permissions",
    "sdkVersion"
  ],
  "additionalProperties": false,
  "properties": {
    "$schema": {
      "type": "string",
      "description": "the URL of this schema"
    },
    "id": {
      "type": "string",
      "pattern": "^[a-z][a-z0-9-]{1,62}$",
      "description": "a plugin id: a lower-case letter followed by 1 to 62 lower-case letters, digits or dashes, equal to the plugin's folder name"
    },
    "name": {
      "type": "string",
      "minLength": 1,
      "maxLength": 80,
      "description": "the display name, 1 to 80 characters"
    },
    "description": {
      "type": "string",
      "minLength": 1,
      "maxLength": 2000,
      "description": "what the plugin does, 1 to 2000 characters"
    },
    "kind": {
      "enum": [
        "native",
        "api",
        "connector"
      ],
      "description": "the integration type: native, api or connector"
    },
    "categories": {
      "type": "array",
      "minItems": 1,
      "maxItems": 10,
      "uniqueItems": true,
      "items": {
        "type": "string",
        "pattern": "^[a-z][a-z0-9-]{0,39}$",
        "description": "a lower-case category slug such as \"crm\" or \"ecommerce\""
      },
      "description": "1 to 10 distinct category slugs"
    },
    "version": {
      "$ref": "#/$defs/semver"
    },
    "sdkVersion": {
      "$ref": "#/$defs/semver"
    },
    "icon": {
      "type": "string",
      "maxLength": 65536,
      "pattern": "^(?:[A-Za-z0-9_-][A-Za-z0-9._/-]*\\.(?:svg|png)|https://[^\\s]+|data:image/svg\\+xml;base64,[A-Za-z0-9+/=]+)$",
      "description": "an icon: a .svg or .png file in the plugin folder, an https:// URL, or a data:image/svg+xml;base64 URL"
    },
    "auth": {
      "type": "object",
      "required": [
        "type"
      ],
      "discriminator": {
        "propertyName": "type"
      },
      "oneOf": [
        {
          "$ref": "#/$defs/oauth2Auth"
        },
        {
          "$ref": "#/$defs/apiKeyAuth"
        },
        {
          "$ref": "#/$defs/basicAuth"
        },
        {
          "$ref": "#/$defs/noAuth"
        }
      ],
      "description": "how the plugin authenticates: type oauth2, api_key, basic or none"
    },
    "settings": {
      "$ref": "#/$defs/objectSchema"
    },
    "permissions": {
      "$ref": "#/$defs/permissions"
    },
    "actions": {
      "type": "object",
      "propertyNames": {
        "$ref": "#/$defs/memberName"
      },
      "additionalProperties": {
        "$ref": "#/$defs/action"
      },
      "description": "the actions, keyed by name"
    },
    "triggers": {
      "type": "object",
      "propertyNames": {
        "$ref": "#/$defs/memberName"
      },
      "additionalProperties": {
        "$ref": "#/$defs/trigger"
      },
      "description": "the triggers, keyed by name"
    },
    "syncs": {
      "type": "object",
      "propertyNames": {
        "$ref": "#/$defs/memberName"
      },
      "additionalProperties": {
        "$ref": "#/$defs/sync"
      },
      "description": "the syncs, keyed by name"
    },
    "options": {
      "type": "array",
      "uniqueItems": true,
      "items": {
        "$ref": "#/$defs/memberName"
      },
      "description": "the names of the dynamic option providers"
    }
  },
  "$defs": {
    "semver": {
      "type": "string",
      "pattern": "^(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(?:-[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$",
      "maxLength": 64,
      "description": "a semantic version such as 1.2.3 or 2.0.0-beta.1"
    },
    "memberName": {
      "type": "string",
      "pattern": "^[a-zA-Z][a-zA-Z0-9_]{0,63}$",
      "description": "a name of 1 to 64 letters, digits or underscores, starting with a letter (camelCase recommended)"
    },
    "title": {
      "type": "string",
      "minLength": 1,
      "maxLength": 120,
      "description": "a title, 1 to 120 characters"
    },
    "text": {
      "type": "string",
      "minLength": 1,
      "maxLength": 2000,
      "description": "a description, 1 to 2000 characters"
    },
    "objectSchema": {
      "type": "object",
      "required": [
        "type"
      ],
      "properties": {
        "type": {
          "const": "object",
          "description": "\"object\""
        }
      },
      "additionalProperties": true,
      "description": "a JSON Schema of an object: { \"type\": \"object\", \"properties\": {...} }"
    },
    "sample": {
      "type": "object",
      "additionalProperties": true,
      "description": "an example output object, as the real API returns it"
    },
    "hostPattern": {
      "type": "string",
      "maxLength": 253,
      "pattern": "^(\\*\\.)?[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$",
      "description": "a lower-case host name such as api.example.com, or a wildcard such as *.example.com"
    },
    "permissions": {
      "type": "object",
      "required": [
        "hosts"
      ],
      "additionalProperties": false,
      "properties": {
        "hosts": {
          "type": "array",
          "uniqueItems": true,
          "maxItems": 50,
          "items": {
            "$ref": "#/$defs/hostPattern"
          },
          "description": "the hosts the plugin may call (the egress allowlist)"
        },
        "memoryMb": {
          "type": "integer",
          "minimum": 8,
          "maximum": 256,
          "description": "isolate memory in MB, 8 to 256 (default 64)"
        },
        "timeoutMs": {
          "type": "integer",
          "minimum": 100,
          "maximum": 300000,
          "description": "wall-clock deadline per invocation in ms, 100 to 300000 (default 30000)"
        }
      },
      "description": "the egress allowlist and resource requests: { \"hosts\": [...] }"
    },
    "oauth2Endpoints": {
      "type": "object",
      "required": [
        "authorizationUrl",
        "tokenUrl"
      ],
      "additionalProperties": false,
      "properties": {
        "authorizationUrl": {
          "$ref": "#/$defs/httpsUrl"
        },
        "tokenUrl": {
          "$ref": "#/$defs/httpsUrl"
        },
        "revocationUrl": {
          "$ref": "#/$defs/httpsUrl"
        },
        "issuer": {
          "$ref": "#/$defs/httpsUrl"
        }
      },
      "description": "custom OAuth 2 endpoints: authorizationUrl and tokenUrl"
    },
    "httpsUrl": {
      "type": "string",
      "format": "uri",
      "pattern": "^https://",
      "maxLength": 2048,
      "description": "an https:// URL"
    },
    "oauth2Auth": {
      "type": "object",
      "required": [
        "type",
        "provider",
        "scopes"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "const": "oauth2"
        },
        "provider": {
          "anyOf": [
            {
              "$ref": "#/$defs/memberName"
            },
            {
              "$ref": "#/$defs/oauth2Endpoints"
            }
          ],
          "description": "a built-in provider id such as \"shopify\", or custom endpoints { authorizationUrl, tokenUrl }"
        },
        "scopes": {
          "type": "array",
          "uniqueItems": true,
          "items": {
            "type": "string",
            "minLength": 1,
            "maxLength": 200
          },
          "description": "the OAuth scopes to request"
        },
        "pkce": {
          "const": true,
          "description": "true to use PKCE"
        }
      }
    },
    "apiKeyAuth": {
      "type": "object",
      "required": [
        "type",
        "fields",
        "inject"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "const": "api_key"
        },
        "fields": {
          "$ref": "#/$defs/objectSchema"
        },
        "inject": {
          "type": "object",
          "additionalProperties": false,
          "minProperties": 1,
          "properties": {
            "headers": {
              "type": "object",
              "additionalProperties": {
                "type": "string"
              },
              "description": "header templates such as { \"authorization\": \"Bearer {{apiKey}}\" }"
            },
            "query": {
              "type": "object",
              "additionalProperties": {
                "type": "string"
              },
              "description": "query parameter templates such as { \"api_key\": \"{{apiKey}}\" }"
            }
          },
          "description": "where the host puts the key: { \"headers\": {...} } or { \"query\": {...} }"
        }
      }
    },
    "basicAuth": {
      "type": "object",
      "required": [
        "type"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "const": "basic"
        }
      }
    },
    "noAuth": {
      "type": "object",
      "required": [
        "type"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "const": "none"
        }
      }
    },
    "action": {
      "type": "object",
      "required": [
        "title",
        "description",
        "input",
        "output",
        "sample"
      ],
      "additionalProperties": false,
      "properties": {
        "title": {
          "$ref": "#/$defs/title"
        },
        "description": {
          "$ref": "#/$defs/text"
        },
        "input": {
          "$ref": "#/$defs/objectSchema"
        },
        "output": {
          "$ref": "#/$defs/objectSchema"
        },
        "sample": {
          "$ref": "#/$defs/sample"
        }
      }
    },
    "trigger": {
      "type": "object",
      "required": [
        "type"
      ],
      "discriminator": {
        "propertyName": "type"
      },
      "oneOf": [
        {
          "$ref": "#/$defs/pollingTrigger"
        },
        {
          "$ref": "#/$defs/webhookTrigger"
        }
      ],
      "description": "a trigger of type polling or webhook"
    },
    "pollingTrigger": {
      "type": "object",
      "required": [
        "type",
        "title",
        "description",
        "output",
        "dedupeKey",
        "sample"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "const": "polling"
        },
        "title": {
          "$ref": "#/$defs/title"
        },
        "description": {
          "$ref": "#/$defs/text"
        },
        "output": {
          "$ref": "#/$defs/objectSchema"
        },
        "dedupeKey": {
          "type": "string",
          "minLength": 1,
          "maxLength": 64,
          "description": "the item property that identifies an item, e.g. \"id\""
        },
        "sample": {
          "$ref": "#/$defs/sample"
        }
      }
    },
    "webhookTrigger": {
      "type": "object",
      "required": [
        "type",
        "title",
        "description",
        "output",
        "sample"
      ],
      "additionalProperties": false,
      "properties": {
        "type": {
          "const": "webhook"
        },
        "title": {
          "$ref": "#/$defs/title"
        },
        "description": {
          "$ref": "#/$defs/text"
        },
        "output": {
          "$ref": "#/$defs/objectSchema"
        },
        "sample": {
          "$ref": "#/$defs/sample"
        }
      }
    },
    "sync": {
      "type": "object",
      "required": [
        "title",
        "description",
        "model"
      ],
      "additionalProperties": false,
      "properties": {
        "title": {
          "$ref": "#/$defs/title"
        },
        "description": {
          "$ref": "#/$defs/text"
        },
        "model": {
          "type": "object",
          "required": [
            "name",
            "idField",
            "schema"
          ],
          "additionalProperties": false,
          "properties": {
            "name": {
              "type": "string",
              "pattern": "^[A-Z][A-Za-z0-9]{0,63}$",
              "description": "a PascalCase model name such as \"Contact\""
            },
            "idField": {
              "type": "string",
              "minLength": 1,
              "maxLength": 64,
              "description": "the record property that identifies a record, e.g. \"id\""
            },
            "schema": {
              "$ref": "#/$defs/objectSchema"
            }
          },
          "description": "the record model: { name, idField, schema }"
        }
      }
    }
  }
} as const;
