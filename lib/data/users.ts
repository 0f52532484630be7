import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export type UserDto = { id: string; email: string; name: string; role: Role; disabledAt: Date | null };

export class ConflictError extends Error {}

/** Creates an account; the password must already have passed lib/validation/password. */
export async function createUser(input: { email: string; name: string; role: Role; password: string }): Promise<UserDto> {
  const email = input.email.trim().toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new ConflictError(`An account for ${email} already exists.`);
  }
  return db.user.create({
    data: { email, name: input.name.trim(), role: input.role, passwordHash: await hashPassword(input.password) },
    select: { id: true, email: true, name: true, role: true, disabledAt: true },
  });
}

/** Which of these e-mail addresses have an account. */
export async function existingAccounts(emails: string[]): Promise<string[]> {
  const users = await db.user.findMany({ where: { email: { in: emails } }, select: { email: true } });
  return users.map((user) => user.email);
}
