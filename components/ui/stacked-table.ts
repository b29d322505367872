// A table that becomes a stack of cards on a phone screen (below md, e.g. 390 px; the `phone`
// variant of app/globals.css): each row a card, each cell a line labelled by its column
// (data-label), so the deadline, days late and status are read without sideways scrolling.
// From md up, and on paper, it is an ordinary table.
export const stacked = {
  wrapper: "md:overflow-x-auto",
  table: "w-full text-sm phone:block",
  head: "phone:sr-only",
  body: "phone:block",
  row: "phone:mb-3 phone:block phone:rounded-lg phone:border phone:border-slate-200 phone:bg-white phone:p-2 phone:shadow-sm",
  cell: "phone:flex phone:items-baseline phone:gap-2 phone:p-1 phone:before:w-24 phone:before:shrink-0 phone:before:text-xs phone:before:text-slate-500 phone:before:content-[attr(data-label)]",
} as const;
