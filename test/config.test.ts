import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSchema, loadConfig } from '../src/config.js';

/** A made-up token with a real token's shape: the bot's id in base64, a time part, a signature. */
const shapedToken = [
  Buffer.from('1300000000000000001').toString('base64url'),
  'GxY2aQ',
  'aNotARealSignatureButShapedLikeOne_-x',
].join('.');

describe('loadConfig', () => {
  it('fills every default from DESIGN.md when the environment is empty', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DISCORD_TOKEN: undefined,
      DISCORD_API_URL: 'https://discord.com/api',
      DATABASE_PATH: 'data/bot.sqlite',
      LESSONS_DIR: 'data/lessons',
      INSTRUCTOR_ROLE_IDS: [],
      DOCKER_REGISTRY_URL: 'https://registry-1.docker.io',
      DOCKER_HUB_API_URL: 'https://hub.docker.com',
      DOCKER_AUTH_HOSTS: ['auth.docker.io'],
      VERIFY_COOLDOWN_SECONDS: 30,
      HEALTH_PORT: undefined,
      HEALTH_HOST: '127.0.0.1',
      DISCORD_CONNECT_RETRY_SECONDS: 180,
      LOG_LEVEL: 'info',
    });
  });

  it('parses lists and numbers, and treats empty values as unset', () => {
    const config = loadConfig({
      INSTRUCTOR_ROLE_IDS: '123456789012345678, 223456789012345678,',
      DOCKER_AUTH_HOSTS: 'Auth.Docker.io,127.0.0.1:5001',
      VERIFY_COOLDOWN_SECONDS: '5',
      DISCORD_GUILD_ID: '',
      DOCKER_REGISTRY_URL: 'http://127.0.0.1:5000/',
    });
    expect(config.INSTRUCTOR_ROLE_IDS).toEqual(['123456789012345678', '223456789012345678']);
    expect(config.DOCKER_AUTH_HOSTS).toEqual(['auth.docker.io', '127.0.0.1:5001']);
    expect(config.VERIFY_COOLDOWN_SECONDS).toBe(5);
    expect(config.DISCORD_GUILD_ID).toBeUndefined();
    expect(config.DOCKER_REGISTRY_URL).toBe('http://127.0.0.1:5000');
  });

  it('names every bad variable and what it expects, without echoing the value', () => {
    let error: unknown;
    try {
      loadConfig({
        DISCORD_API_URL: 'http://127.0.0.1:9/v10',
        VERIFY_COOLDOWN_SECONDS: 'soon',
        INSTRUCTOR_ROLE_IDS: 'moderators',
        LOG_LEVEL: 'loud',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('DISCORD_API_URL: expected a REST base URL ending in /api');
    expect(message).toContain('VERIFY_COOLDOWN_SECONDS: expected a whole number of seconds from 0 to 3600');
    expect(message).toContain('INSTRUCTOR_ROLE_IDS: expected a Discord id (17–20 digits)');
    expect(message).toContain('LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent');
    expect(message).not.toContain('moderators');
  });

  it('reads the owners, and refuses an over-long list before looking at it', () => {
    const owners = loadConfig({ OWNER_USER_IDS: '123456789012345678,223456789012345678' });
    expect(owners.OWNER_USER_IDS).toEqual(['123456789012345678', '223456789012345678']);
    expect(loadConfig({}).OWNER_USER_IDS).toEqual([]);
    expect(() => loadConfig({ OWNER_USER_IDS: '@everyone' })).toThrow(
      'OWNER_USER_IDS: expected a Discord id (17–20 digits)',
    );
    expect(() => loadConfig({ OWNER_USER_IDS: '1'.repeat(5000) })).toThrow(
      'OWNER_USER_IDS: expected at most 4000 characters',
    );
    expect(() => loadConfig({ DISCORD_GUILD_ID: '1'.repeat(21) })).toThrow(
      'DISCORD_GUILD_ID: expected a Discord id (17–20 digits)',
    );
  });

  it('accepts a token shaped like the developer portal shows it', () => {
    expect(loadConfig({ DISCORD_TOKEN: shapedToken }).DISCORD_TOKEN).toBe(shapedToken);
  });

  it.each([
    ['abc', 'three base64url parts separated by dots'],
    [`Bot ${shapedToken}`, 'without the "Bot " prefix'],
    [`"${shapedToken}"`, 'without spaces or quotes'],
    [`${shapedToken} `, 'without spaces or quotes'],
    // The OAuth2 client secret: one part, no dots.
    ['Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eA', 'three base64url parts'],
    // Three parts, but the first is not a base64 user id.
    ['aGVsbG8.d29ybGQ.c2lnbmF0dXJlc2lnbmF0dXJl', 'whose first part is the bot’s id'],
  ])('refuses a DISCORD_TOKEN shaped wrong (%#) and says why, never echoing it', (token, why) => {
    let message = '';
    try {
      loadConfig({ DISCORD_TOKEN: token });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toContain('DISCORD_TOKEN: expected a bot token');
    expect(message).toContain(why);
    expect(message).not.toContain(token.trim().replace(/^Bot /, '').replaceAll('"', ''));
  });

  it('reads the health port and start-up retry budget, refusing values out of range', () => {
    const config = loadConfig({
      HEALTH_PORT: '9464',
      HEALTH_HOST: '0.0.0.0',
      DISCORD_CONNECT_RETRY_SECONDS: '5',
    });
    expect(config).toMatchObject({
      HEALTH_PORT: 9464,
      HEALTH_HOST: '0.0.0.0',
      DISCORD_CONNECT_RETRY_SECONDS: 5,
    });
    expect(() => loadConfig({ HEALTH_PORT: '70000' })).toThrow(
      'HEALTH_PORT: expected a TCP port from 0 to 65535',
    );
    expect(() => loadConfig({ HEALTH_HOST: 'localhost/metrics' })).toThrow(
      'HEALTH_HOST: expected an IP address',
    );
  });

  it('.env.example lists every variable, and only those, with values the schema accepts', () => {
    const example = parseEnv(readFileSync(new URL('../.env.example', import.meta.url), 'utf8'));
    expect(Object.keys(example).sort()).toEqual(Object.keys(configSchema.shape).sort());
    expect(() => loadConfig(example)).not.toThrow();
  });

  it('refuses half of the Docker Hub credentials', () => {
    expect(() => loadConfig({ DOCKERHUB_USERNAME: 'someone' })).toThrow(
      /DOCKERHUB_USERNAME and DOCKERHUB_TOKEN/,
    );
  });
});
