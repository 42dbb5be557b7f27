// manifest.yml must be a valid Slack manifest and agree with the code's command, callback ids and scope list.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CALLBACK, COMMAND, FUNCTION } from '../src/ids.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const schemaDir = path.resolve(repoRoot, '..', 'shared', 'slack-manifest-schema');
const schemaAvailable = fs.existsSync(path.join(schemaDir, 'manifest.schema.json'));

type Manifest = {
  _metadata: { major_version: number };
  display_information: { name: string; long_description: string };
  features: {
    app_home: Record<string, boolean>;
    shortcuts: Array<{ type: string; callback_id: string }>;
    slash_commands: Array<{ command: string; usage_hint: string; should_escape: boolean; url: string }>;
  };
  oauth_config: { scopes: { bot: string[] } };
  functions: Record<string, { input_parameters: Record<string, { type: string }>; output_parameters: object }>;
  settings: {
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string; message_menu_options_url: string };
  };
};

const manifest = parse(fs.readFileSync(path.join(repoRoot, 'manifest.yml'), 'utf8')) as Manifest;

/** Adding a scope is a decision (users must reinstall the app): change this list on purpose. */
const EXPECTED_BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:write',
  'im:history',
  'users:read',
  'users:read.email',
  'users.profile:read',
  'channels:read',
  'groups:read',
  'channels:history',
  'groups:history',
  'team:read',
  'reactions:read',
];

describe('manifest.yml against the code', () => {
  it('declares /log-interaction as the command the code listens for', () => {
    expect(manifest.features.slash_commands.map((command) => command.command)).toEqual([COMMAND]);
    expect(manifest.features.slash_commands[0]).toMatchObject({
      should_escape: true,
      usage_hint: '[call|email|visit] [ACCOUNT] [when] [notes] | help | status | followups | link ACCOUNT | unlink',
    });
  });

  it('declares the message and global shortcuts with the callback_ids the code listens for', () => {
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ type: 'message', callback_id: CALLBACK.logFromMessageShortcut }),
      expect.objectContaining({ type: 'global', callback_id: CALLBACK.logGlobalShortcut }),
    ]);
  });

  it('subscribes to app_home_opened, function_executed and reaction_added, the events the code listens for', () => {
    expect(manifest.settings.event_subscriptions.bot_events).toEqual([
      'app_home_opened',
      'function_executed',
      'reaction_added',
    ]);
  });

  it('declares the workflow step the code listens for, with its inputs and outputs, and is org-ready as steps need', () => {
    const step = manifest.functions[FUNCTION.logInteraction];
    expect(Object.keys(step?.input_parameters ?? {})).toEqual([
      'person',
      'account',
      'kind',
      'contact',
      'when',
      'when_timestamp',
      'notes',
      'channel',
      'follow_up_when',
      'follow_up_person',
    ]);
    expect(step?.input_parameters.person?.type).toBe('slack#/types/user_id');
    expect(Object.keys(step?.output_parameters ?? {})).toEqual(['unique_id', 'status', 'issues']);
    expect(manifest.settings.org_deploy_enabled).toBe(true);
  });

  it('asks for exactly the expected bot scopes', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...EXPECTED_BOT_SCOPES].sort());
  });

  it('keeps the Messages tab on so reminder DMs can be delivered, the Home tab on, and interactivity on', () => {
    expect(manifest.features.app_home).toMatchObject({ messages_tab_enabled: true, home_tab_enabled: true });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });

  it('points every HTTP-mode URL at the single Bolt endpoint', () => {
    expect(manifest.features.slash_commands[0]?.url).toBe('https://YOUR-HOST/slack/events');
    expect(manifest.settings.interactivity.request_url).toBe('https://YOUR-HOST/slack/events');
    expect(manifest.settings.interactivity.message_menu_options_url).toBe('https://YOUR-HOST/slack/events');
    expect(manifest.settings.event_subscriptions.request_url).toBe('https://YOUR-HOST/slack/events');
  });
});

describe.skipIf(!schemaAvailable)("manifest.yml against Slack's JSON Schema (../shared/slack-manifest-schema)", () => {
  let validate: ValidateFunction;

  beforeAll(() => {
    const read = (name: string) => JSON.parse(fs.readFileSync(path.join(schemaDir, name), 'utf8')) as object;
    // The versioned schemas carry no $id; register them under the URLs the dispatching schema $refs.
    const base = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/';
    // Draft-07 schemas. Slack's use `required` without `type`/`properties` beside it (legal JSON Schema that ajv's
    // strictTypes/strictRequired flag) and two non-standard keywords, `regex` and `_note`, accepted here as
    // annotations; ajv's other strict checks stay on.
    const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
    // A CommonJS module: under NodeNext the default import is module.exports, whose .default is the plugin.
    ajvFormats.default(ajv);
    ajv.addKeyword('regex');
    ajv.addKeyword('_note');
    ajv.addSchema(read('manifest.schema.1.0.0.json'), `${base}manifest.schema.1.0.0.json`);
    ajv.addSchema(read('manifest.schema.2.0.0.json'), `${base}manifest.schema.2.0.0.json`);
    validate = ajv.compile(read('manifest.schema.json'));
  });

  it('is valid', () => {
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('would reject a step without its output_parameters, so the functions part is checked too', () => {
    const broken = structuredClone(manifest) as unknown as { functions: Record<string, Record<string, unknown>> };
    delete broken.functions[FUNCTION.logInteraction]?.output_parameters;
    expect(validate(broken)).toBe(false);
  });

  it('would reject a display name over 35 characters, so the validation can fail', () => {
    const tooLong = structuredClone(manifest);
    tooLong.display_information.name = 'C'.repeat(40);
    expect(validate(tooLong)).toBe(false);
  });
});

if (!schemaAvailable) {
  it.skip(`Slack manifest schema check skipped: ${schemaDir} not found (copy slackapi/manifest-schema there)`, () => {});
  console.warn(`manifest.test: ${schemaDir} is absent, so manifest.yml is not validated against Slack's schema`);
}
