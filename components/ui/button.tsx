import Link from "next/link";

// The classes live in app/globals.css (`.btn`, `.btn-<variant>`): a page with a form per agenda
// item repeated the dozen utilities of every button in its HTML and again in its payload
// (issue #15). Utilities a caller adds (`className`) still win: the classes are in the
// components layer, below the utilities.
export type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

export const buttonClass = (variant: ButtonVariant = "primary") => `btn btn-${variant}`;

export function Button({
  variant,
  className = "",
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type="button" {...props} className={`${buttonClass(variant)} ${className}`} />;
}

export function ButtonLink({
  variant,
  className = "",
  ...props
}: React.ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link {...props} className={`${buttonClass(variant)} ${className}`} />;
}
