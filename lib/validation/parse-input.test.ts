import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { parseInput } from './parse-input';

const schema = z
  .object({
    name: z
      .string()
      .min(2, 'too_short')
      .regex(/^[A-ZÆØÅ]/, 'capital_first')
      .max(5, 'too_long'),
    role: z.enum(['leder', 'medlem']),
    age: z.number().optional(),
    tags: z.array(z.string().max(3, 'too_long')).optional(),
    guests: z.array(z.object({ name: z.string().max(3, 'too_long') })).optional(),
    address: z.object({ street: z.string().max(3, 'too_long') }).optional(),
  })
  .strict();

function failureOf(input: unknown): AppError {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('parseInput accepted the input');
}

describe('parseInput', () => {
  it('returns the parsed value of good input', () => {
    expect(parseInput(schema, { name: 'Kari', role: 'leder' })).toEqual({ name: 'Kari', role: 'leder' });
  });

  it('turns a zod failure into invalid_input with one message key per field', () => {
    const error = failureOf({ name: 'Kari Nordmann', role: 'sjef', age: 'tretti' });
    expect(error.code).toBe('invalid_input');
    expect(error.fields).toEqual({ name: 'too_long', role: 'unknown_option', age: 'invalid' });
  });

  it('keys list entries by their list and nested fields by their path', () => {
    const error = failureOf({
      name: 'Kari',
      role: 'leder',
      tags: ['ok', 'for lang'],
      guests: [{ name: 'Ola' }, { name: 'Kari' }],
      address: { street: 'Storgata' },
    });
    expect(error.fields).toEqual({ tags: 'too_long', guests: 'too_long', 'address.street': 'too_long' });
  });

  it('reports unknown keys and a non-object body against the input as a whole', () => {
    expect(failureOf({ name: 'Kari', role: 'leder', nickname: 'K' }).fields).toEqual({ _: 'unknown_field' });
    expect(failureOf('name=Kari').fields).toEqual({ _: 'invalid' });
  });

  it('keeps the first message of a field', () => {
    expect(failureOf({ name: 'k', role: 'leder' }).fields).toEqual({ name: 'too_short' });
  });
});
