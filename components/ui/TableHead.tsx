/** A data table's column headers (one style for every admin table). */
export function TableHead({ columns }: { columns: readonly string[] }) {
  return (
    <thead className="bg-slate-100">
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col" className="px-3 py-2">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
