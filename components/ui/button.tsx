// Server-safe: pages use these for buttons and for links that look like buttons.
export type ButtonVariant = "primary" | "secondary" | "danger" | "link";

const variants: Record<ButtonVariant, string> = {
  primary: "rounded-md bg-brand-700 font-medium text-white hover:bg-brand-900",
  secondary: "rounded-md border border-slate-400 bg-white font-medium text-slate-900 hover:bg-slate-100",
  danger: "rounded-md border border-red-700 bg-white font-medium text-red-800 hover:bg-red-50",
  // For actions inside running text or the header: inherits the colour around it.
  link: "underline-offset-4 hover:underline",
};

// "sm" for the small tools inside a form (move up, remove, accept all).
const sizes = { md: "px-4 py-2", sm: "px-2 py-1 text-sm" };

/** The classes of a button of this variant; also for a `<Link>` that acts as the page's main action. */
export function buttonClass(variant: ButtonVariant = "primary", { size = "md", className }: { size?: keyof typeof sizes; className?: string } = {}) {
  const box = variant === "link" ? "" : ` ${sizes[size]}`;
  return `inline-flex items-center gap-2 disabled:opacity-70 aria-disabled:cursor-not-allowed aria-disabled:opacity-70 ${variants[variant]}${box}${className ? ` ${className}` : ""}`;
}

type ButtonProps = React.ComponentProps<"button"> & { variant?: ButtonVariant; size?: "md" | "sm" };

/** A button of one of the house variants; `type` defaults to "button" (pass "submit" to submit). */
export function Button({ variant = "primary", size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClass(variant, { size, className })} {...props} />;
}
