import { highlightRanges } from '../../../app/index.ts';

/** Text with the query's words wrapped in <mark> (the words are also in bold, so not by colour alone). */
export function Highlighted(props: { text: string; query: string }) {
  const { text } = props;
  const ranges = highlightRanges(text, props.query);
  const parts: (string | ReturnType<typeof Mark>)[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<Mark text={text.slice(start, end)} />);
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}

function Mark(props: { text: string }) {
  return <mark>{props.text}</mark>;
}
