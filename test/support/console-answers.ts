/** One script line of a console run and what the console printed after it. */
export interface ConsoleAnswer {
  line: string;
  text: string;
}

/** Script mode echoes each non-empty line as "\n> line" before its answer: split on those. */
export function consoleAnswers(stdout: string): ConsoleAnswer[] {
  return stdout
    .split('\n> ')
    .slice(1)
    .map((block) => {
      const newline = block.indexOf('\n');
      return { line: block.slice(0, newline), text: block.slice(newline + 1) };
    });
}
