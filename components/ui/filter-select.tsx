import { inputClass } from "./field";

/** A labelled <select> for GET filter forms; the empty option means "no filter". */
export function FilterSelect({
  id,
  label,
  name,
  value,
  options,
  all,
  labelClassName = "block text-sm font-medium",
}: {
  id: string;
  label: string;
  name: string;
  value: string | undefined;
  options: [string, string][];
  all?: string;
  labelClassName?: string;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className={labelClassName}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ""} className={inputClass}>
        {all !== undefined && <option value="">{all}</option>}
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
