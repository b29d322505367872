// A table that becomes a stack of cards below the md breakpoint (a 390 px phone): each row a
// card, each cell a line labelled by its column (data-label), so the deadline, days late and
// status are read without sideways scrolling. From md up it is an ordinary table.
export const stacked = {
  wrapper: "md:overflow-x-auto",
  table: "w-full text-sm max-md:block",
  head: "max-md:sr-only",
  body: "max-md:block",
  row: "max-md:mb-3 max-md:block max-md:rounded-lg max-md:border max-md:border-slate-200 max-md:bg-white max-md:p-2 max-md:shadow-sm",
  cell: "max-md:flex max-md:items-baseline max-md:gap-2 max-md:p-1 max-md:before:w-24 max-md:before:shrink-0 max-md:before:text-xs max-md:before:text-slate-500 max-md:before:content-[attr(data-label)]",
} as const;
