"""The `brink` command line: thin wrappers over `brink.api`, errors turned into messages here only."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime

import click

from brink import __version__, api
from brink.errors import BrinkError, InputError, UsageError
from brink.options import load_options
from brink.records import DocumentResult, InputProblem

EXIT_SKIPPED = 2  # some inputs were skipped; everything else completed


class DateType(click.ParamType):
    name = "YYYY-MM-DD"

    def convert(self, value, param, ctx):  # type: ignore[override]
        if isinstance(value, date):
            return value
        try:
            return datetime.strptime(value, "%Y-%m-%d").date()
        except ValueError:
            self.fail(f"'{value}' is not a date in YYYY-MM-DD form", param, ctx)


DATE = DateType()


def _options(ctx: click.Context):
    try:
        return load_options(ctx.obj.get("config"))
    except BrinkError as exc:
        raise click.ClickException(str(exc)) from exc


def _report_problem(problem: InputProblem) -> None:
    click.echo(f"brink: skipped {problem}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="brink")
@click.option("--config", type=click.Path(dir_okay=False), help="A TOML file overlaying the defaults.")
@click.pass_context
def cli(ctx: click.Context, config: str | None) -> None:
    """brink: news → evidence-backed PLOVER event records.

    \b
    Example:
      brink ingest data/sample --db crisis.duckdb
    """
    ctx.ensure_object(dict)
    ctx.obj["config"] = config


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--published", type=DATE, help="Publication date for every document (overrides the input's).")
@click.option("--workers", default=1, show_default=True, help="Worker processes.")
@click.pass_context
def events(ctx: click.Context, paths: tuple[str, ...], published: date | None, workers: int) -> None:
    """Print event records of PATHS as JSON lines on stdout.

    \b
    Example:
      brink events article.html --published 2021-12-08
    """
    options = _options(ctx)
    skipped = 0
    for item in api.extract_events(paths, published=published, options=options, workers=workers):
        if isinstance(item, InputProblem):
            _report_problem(item)
            skipped += 1
        else:
            click.echo(json.dumps(item.to_dict(), ensure_ascii=False))
    if skipped:
        sys.exit(EXIT_SKIPPED)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", default="brink.duckdb", show_default=True, help="DuckDB file to store into.")
@click.option("--workers", default=1, show_default=True, help="Worker processes.")
@click.option("--force", is_flag=True, help="Re-process documents already stored unchanged.")
@click.option("--published", type=DATE, help="Publication date for every document.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str, workers: int, force: bool,
           published: date | None) -> None:  # fmt: skip
    """Store the documents in PATHS (files or folders) and their events.

    Re-ingesting a document replaces it; a killed run re-run stores every document exactly once.

    \b
    Example:
      brink ingest corpus/ --db crisis.duckdb
    """
    options = _options(ctx)
    show_bar = sys.stderr.isatty()
    counter = {"n": 0}

    def progress(outcome: DocumentResult | InputProblem) -> None:
        counter["n"] += 1
        if isinstance(outcome, InputProblem):
            if show_bar:
                click.echo("", err=True)
            _report_problem(outcome)
        if show_bar:
            click.echo(f"\rbrink: {counter['n']} documents processed", err=True, nl=False)

    try:
        report = api.ingest(paths, db=db, options=options, workers=workers, force=force,
                            published=published, on_progress=progress)  # fmt: skip
    except BrinkError as exc:
        raise click.ClickException(str(exc)) from exc
    if show_bar:
        click.echo("", err=True)
    click.echo(
        f"stored {report.documents} documents ({report.words} words), {report.events} events in {db}"
        + (f"; {report.unchanged} unchanged" if report.unchanged else "")
        + (f"; {len(report.problems)} skipped" if report.problems else ""),
        err=True,
    )
    if report.problems:
        sys.exit(EXIT_SKIPPED)


def _flat(record: dict) -> dict:
    a, r, m = record.get("actor") or {}, record.get("recipient") or {}, record["modality"]
    flags = [k for k in ("negated", "hypothetical", "future", "historical") if m.get(k)]
    if m.get("reported_by"):
        flags.append("reported:" + (m["reported_by"].get("country") or m["reported_by"]["text"]))
    return {
        "date": record["date"], "type": record["type"], "mode": record["mode"] or "",
        "actor": a.get("country") or a.get("text") or "", "recipient": r.get("country") or r.get("text") or "",
        "flags": ",".join(flags), "conf": f"{record['confidence']:.2f}",
        "trigger": record["evidence"]["trigger"], "doc": record["doc_id"],
    }  # fmt: skip


def _print_table(records: list[dict]) -> None:
    rows = [_flat(r) for r in records]
    if not rows:
        click.echo("no events match", err=True)
        return
    cols = list(rows[0])
    widths = {c: min(28, max(len(c), *(len(str(r[c])) for r in rows))) for c in cols}
    click.echo("  ".join(c.ljust(widths[c]) for c in cols))
    for r in rows:
        click.echo("  ".join(str(r[c])[: widths[c]].ljust(widths[c]) for c in cols))


@cli.command()
@click.option("--db", default="brink.duckdb", show_default=True)
@click.option("--actor", help="Actor country/IGO code (RUS, NATO) or part of a name.")
@click.option("--recipient", help="Recipient country/IGO code or part of a name.")
@click.option("--type", "type_", help="PLOVER event type, e.g. THREATEN.")
@click.option("--since", type=DATE, help="Events on or after this date.")
@click.option("--until", type=DATE, help="Events on or before this date.")
@click.option("--doc", help="Only events of this document id.")
@click.option("--all", "include_unreal", is_flag=True, help="Include negated and hypothetical events.")
@click.option("--limit", type=int, help="At most this many events.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
def query(db, actor, recipient, type_, since, until, doc, include_unreal, limit, fmt) -> None:
    """Query stored events.

    \b
    Example:
      brink query --db crisis.duckdb --actor RUS --type THREATEN --since 2021-12-01
    """
    try:
        records = api.query(db, actor=actor, recipient=recipient, type=type_, since=since, until=until,
                            doc=doc, include_unreal=include_unreal, limit=limit)  # fmt: skip
    except BrinkError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "jsonl":
        for r in records:
            click.echo(json.dumps(r, ensure_ascii=False))
    elif fmt == "csv":
        import csv

        rows = [_flat(r) for r in records]
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else ["date"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        _print_table(records)


@cli.command()
@click.option("--db", default="brink.duckdb", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl"]), required=True)
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False))
def export(db: str, fmt: str, output: str) -> None:
    """Export every stored event (flat columns for parquet/csv, full records for jsonl).

    \b
    Example:
      brink export --db crisis.duckdb --format parquet -o events.parquet
    """
    try:
        count = api.export(db, fmt, output)
    except BrinkError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"wrote {count} events to {output}", err=True)


@cli.command()
@click.option("--db", default="brink.duckdb", show_default=True)
def summary(db: str) -> None:
    """Summarise a store: documents, events by type, top dyads, modality counts.

    \b
    Example:
      brink summary --db crisis.duckdb
    """
    try:
        s = api.summary(db)
    except BrinkError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{s['documents']} documents, {s['words']} words, "
               f"published {s['published_from']} to {s['published_to']}")
    click.echo(f"{s['events']} events ({s['negated']} negated, {s['hypothetical']} hypothetical, "
               f"{s['future']} future, {s['historical']} historical, {s['reported']} reported claims)")  # fmt: skip
    click.echo("real events by type:")
    for t, n in s["by_type"].items():
        click.echo(f"  {t:<10} {n}")
    click.echo("top dyads (actor → recipient):")
    for a, r, n in s["top_dyads"]:
        click.echo(f"  {a} → {r}: {n}")


@cli.command("eval")
@click.option("--eval-dir", type=click.Path(file_okay=False), help="Folder with plv_dev.csv and plover_gsr.json.")
@click.option("--limit", type=int, help="Score only the first N records of each set.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_(eval_dir: str | None, limit: int | None, as_json: bool) -> None:
    """Score event type and actors on the development gold sets in ../shared/eval.

    \b
    Example:
      brink eval
    """
    from brink import evaluate

    results = evaluate.run(eval_dir, limit=limit)
    if as_json:
        click.echo(json.dumps(results, indent=2, default=str))
    else:
        click.echo(evaluate.format_results(results))


@cli.command()
@click.argument("text", required=False)
@click.option("--date", "when", type=DATE, help="The date the phrase refers to (roles change).")
@click.option("--context", help="Surrounding text to resolve names against.")
@click.option("--jsonl", "jsonl", type=click.Path(exists=True, dir_okay=False),
              help='Lines of {"id","text","context","date"}; prints one result per line.')  # fmt: skip
def actor(text: str | None, when: date | None, context: str | None, jsonl: str | None) -> None:
    """Resolve an actor phrase to {text, name, country, sector}.

    \b
    Example:
      brink actor "Russian Foreign Minister Sergei Lavrov" --date 2021-12-08
    """
    from brink.actors.api import resolve_phrase, resolve_records

    if jsonl:
        lines = []
        with open(jsonl, encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    try:
                        lines.append(json.loads(line))
                    except json.JSONDecodeError as exc:
                        raise click.ClickException(f"{jsonl}:{number}: malformed JSON: {exc.msg}") from exc
        for result in resolve_records(lines):
            click.echo(json.dumps(result, ensure_ascii=False))
        return
    if not text:
        raise click.UsageError("give a phrase or --jsonl FILE")
    click.echo(json.dumps(resolve_phrase(text, when, context), ensure_ascii=False))


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def dates(path: str) -> None:
    """Tag and normalise the time expressions of documents in a JSONL file ({id, text, published}).

    \b
    Example:
      brink dates articles.jsonl
    """
    from brink.timex.api import dates_for_documents

    records = []
    skipped = 0
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError as exc:
                click.echo(f"brink: skipped {path}:{number}: malformed JSON: {exc.msg}", err=True)
                skipped += 1
    for result in dates_for_documents(records):
        click.echo(json.dumps(result, ensure_ascii=False))
    if skipped:
        sys.exit(EXIT_SKIPPED)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except (InputError, UsageError) as exc:  # pragma: no cover - the commands catch their own
        click.echo(f"brink: {exc}", err=True)
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
