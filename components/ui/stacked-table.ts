// A table that becomes a stack of cards on a phone screen (below md, e.g. 390 px; the `phone`
// variant of app/globals.css): each row a card, each cell a line labelled by its column
// (data-label), so the deadline, days late and status are read without sideways scrolling.
// From md up, and on paper, it is an ordinary table. Rows and cells use two classes of
// app/globals.css rather than a dozen utilities each: the utilities were repeated on every
// cell of every list, in the HTML and again in the page's payload (~80 KB of a 185 KB unit
// list, issue #15).
export const stacked = {
  wrapper: "md:overflow-x-auto",
  table: "w-full text-sm phone:block",
  head: "phone:sr-only",
  body: "phone:block",
  row: "stacked-row",
  cell: "stacked-cell",
} as const;
