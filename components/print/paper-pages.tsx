import type { ReactNode } from "react";
import "./paper-pages.css";

/**
 * A document whose foot is printed on every page (issue #37: a page torn from approved minutes
 * must still prove itself). On paper it is a table whose footer Chromium repeats at the foot of
 * each page, in the flow, so it never covers text; a `position: fixed` foot covers the page's
 * last lines instead, and one pushed into the @page margin landed at the top of the page in
 * Chromium. On screen the table is laid out as plain blocks and the repeated foot is hidden:
 * the screen shows the paper's own closing block once, as before (components/print/paper-pages.css).
 *
 * Without a foot (a paper that does not prove itself yet) it is one block with `className`.
 */
export function PaperPages({
  foot,
  className,
  children,
}: {
  foot: ReactNode;
  /** The body's own spacing (the classes the document's children were spaced with). */
  className?: string;
  children: ReactNode;
}) {
  if (!foot) return <div className={className}>{children}</div>;
  return (
    <table role="presentation" className="paper-pages">
      <tbody>
        <tr>
          <td className={className}>{children}</td>
        </tr>
      </tbody>
      <tfoot>
        <tr>
          <td>{foot}</td>
        </tr>
      </tfoot>
    </table>
  );
}
