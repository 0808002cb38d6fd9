// What exec.mjs and first.mjs share: the overrides that make the peer's Tasks echo their input and
// its Waits take no time (as the asl4j side's handlers do), and the output check's JSON equality.

/** aws-local-stepfunctions' run() overrides for every Task and Wait state of `definition`, nested ones too. */
export const localOverrides = (definition) => {
  const overrides = { taskResourceLocalHandlers: {}, waitTimeOverrides: {} };
  const collect = (states) => {
    for (const [name, s] of Object.entries(states)) {
      if (s.Type === 'Task') overrides.taskResourceLocalHandlers[name] = async (x) => x;
      if (s.Type === 'Wait') overrides.waitTimeOverrides[name] = 0;
      for (const b of s.Branches ?? []) collect(b.States);
      const p = s.ItemProcessor ?? s.Iterator;
      if (p) collect(p.States);
    }
  };
  collect(definition.States);
  return overrides;
};

/** JSON equality: objects compare by their members whatever the order, arrays item by item. */
export const same = (a, b) => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.hasOwn(b, k) && same(a[k], b[k]));
};
