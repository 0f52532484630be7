import { z } from "zod";
import { Role } from "@/lib/generated/prisma/enums";
import { normaliseEmail } from "./normalise";
import { passwordSchema } from "./password";

export const userSchema = z.object({
  email: z.string().transform((value, ctx) => {
    const result = normaliseEmail(value);
    if (result.ok) return result.value;
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  }),
  name: z.string().trim().min(1, "Enter the person's name.").max(200, "Keep the name under 200 characters."),
  role: z.enum(Role, { error: "Choose a role: admin, editor or reviewer." }),
  password: passwordSchema,
});
