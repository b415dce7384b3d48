import { PermissionFlagsBits } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { isInstructor } from '../../src/discord/instructor.js';

const instructorRole = '300000000000000001';

describe('isInstructor', () => {
  it('accepts Manage Server and Administrator', () => {
    expect(isInstructor({ permissions: PermissionFlagsBits.ManageGuild, roleIds: [] }, [])).toBe(true);
    expect(isInstructor({ permissions: PermissionFlagsBits.Administrator, roleIds: [] }, [])).toBe(true);
  });

  it('accepts a configured instructor role', () => {
    expect(isInstructor({ permissions: 0n, roleIds: ['1', instructorRole] }, [instructorRole])).toBe(true);
  });

  it('refuses other members, including ones with unrelated permissions and roles', () => {
    const sendAndManageMessages = PermissionFlagsBits.SendMessages | PermissionFlagsBits.ManageMessages;
    expect(isInstructor({ permissions: sendAndManageMessages, roleIds: ['1'] }, [instructorRole])).toBe(
      false,
    );
    expect(isInstructor({ permissions: null, roleIds: [] }, [])).toBe(false);
    expect(isInstructor(null, [instructorRole])).toBe(false);
  });
});
