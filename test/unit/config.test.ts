import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

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

  it('refuses half of the Docker Hub credentials', () => {
    expect(() => loadConfig({ DOCKERHUB_USERNAME: 'someone' })).toThrow(
      /DOCKERHUB_USERNAME and DOCKERHUB_TOKEN/,
    );
  });
});
