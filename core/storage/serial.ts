/**
 * Returns a function that runs async tasks one at a time, in call order, so two writes of the
 * same file cannot interleave and lose one. A failed task does not stop the ones after it.
 */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let chain: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = chain.then(task, task);
    chain = run.catch(() => undefined);
    return run;
  };
}
