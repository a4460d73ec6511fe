"""Prestasjonsledelse 2020: cohorts, 10-FAKTOR, and no appraisal data per leader.

Legal basis and rules relied on:

- ASK710: GDPR art. 5(1)(c) (data minimisation) and 5(1)(e) (storage
  limitation), art. 17 (erasure): one leader's competence self-assessment
  or course result is HR appraisal data, which git history would keep for
  ever; the programme needs it only aggregated per cohort.
- ASK712, ASK714: KS's anonymity rule for 10-FAKTOR (results only from at
  least 3 respondents), applied to every aggregate about leaders; GDPR
  art. 25 (data protection by design).
- ASK717: the same rule for a unit's 10-FAKTOR result: scores from fewer
  than the threshold are one or two employees' own answers about their
  identifiable leader (GDPR art. 5(1)(c), art. 25); KS does not release them.
- ASK718: GDPR art. 5(1)(c): a leader record describes a position; a name
  makes it a personnel file in git.
- ASK711, ASK713, ASK715, ASK716: consistency a programme leader expects of the figures.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..core.diagnostics import Say, Severity
from ..model.base import Record
from ..model.cohort import threshold_of
from .registry import CheckContext, Finding, rule


@rule("ASK710", "appraisal-data-per-leader", Severity.ERROR)
def appraisal_data_per_leader(ctx: CheckContext) -> Iterator[Finding]:
    """A leader record holds per-leader appraisal data: ``competences``
    (the leader's self-assessment per competence area and year) or
    ``evaluations`` (the leader's course results). They are HR appraisal
    data about one identifiable person and must not stay in git history
    (GDPR art. 5(1)(c) and (e), art. 17): aggregate them per cohort with
    ``askoy2020 migrate leaders`` and keep only the unit's goals and
    10-FAKTOR results on the leader.

    FAIL:
        id: L-001
        cohort: 2018
        competences:
          goals_and_results: {2018: 3, 2020: 4}
    PASS:
        id: L-001
        cohort: 2018
        # competences aggregated in cohorts/K-2018.yaml
    """
    for leader in ctx.portfolio.leaders:
        for name in leader.appraisal_fields:
            yield Finding(
                leader.where_key(name),
                Say(f"leader {leader.id} holds per-leader appraisal data ('{name}')",
                    f"lederen {leader.id} har vurderingsdata om én leder («{name}»)"),
                Say("Aggregate it per cohort with 'askoy2020 migrate leaders' and remove it; git history keeps "
                    "old versions – see docs/migrate.md for purging them.",
                    "Samle det per kull med «askoy2020 migrate leaders» og fjern det; git-historikken har fortsatt "
                    "gamle versjoner – se docs/migrate.md om hvordan de slettes."),
            )


@rule("ASK711", "ten-factor-respondents-above-invited", Severity.ERROR)
def respondents_above_invited(ctx: CheckContext) -> Iterator[Finding]:
    """A 10-FAKTOR result has more respondents than employees invited: one
    of the two figures is wrong, and the response rate would be above 100 %.

    FAIL:
        ten_factor:
          - year: 2020
            invited: 10
            respondents: 12
    PASS:
        ten_factor:
          - year: 2020
            invited: 14
            respondents: 12
    """
    p = ctx.portfolio
    found: list[tuple[Record, tuple[str | int, ...], int | None, int | None, str]] = [
        (x, ("ten_factor", i, "respondents"), t.invited, t.respondents, x.id)
        for x in p.leaders for i, t in enumerate(x.ten_factor)]
    found += [(s, ("respondents",), s.invited, s.respondents, s.id) for s in p.surveys]
    for record, path, invited, respondents, owner in found:
        if invited is not None and respondents is not None and respondents > invited:
            yield Finding(
                record.where(*path),
                Say(f"10-FAKTOR of {owner}: {respondents} respondents but only {invited} invited",
                    f"10-FAKTOR for {owner}: {respondents} svar, men bare {invited} invitert"),
                Say("Check both figures against KS's report: respondents can be at most those invited.",
                    "Kontroller begge tallene mot KS' rapport: antall svar kan ikke være flere enn antall inviterte."),
            )


@rule("ASK712", "cohort-aggregate-too-few", Severity.ERROR)
def cohort_aggregate_too_few(ctx: CheckContext) -> Iterator[Finding]:
    """A cohort aggregate has fewer respondents than the programme's
    ``min_respondents`` (3 by default): it is one or two people's answers –
    a single leader's appraisal, or staff's rating of one leader – and KS's
    rule shows nothing under 3. Leave it out, or pool the sessions or years
    until enough have answered.

    FAIL:
        learning:
          - {year: 2019, area: goals_and_results, mean: 3.4, respondents: 2}
    PASS:
        learning:
          - {year: 2019, area: goals_and_results, mean: 3.4, respondents: 9}
    """
    k = threshold_of(ctx.portfolio.programme)
    for cohort in ctx.portfolio.cohorts:
        for path, respondents in cohort.aggregates():
            if respondents < k:
                yield Finding(
                    cohort.where(*path),
                    Say(f"cohort {cohort.id}: an aggregate from {respondents} respondents (fewer than "
                        f"{k}) is one or two people's appraisal",
                        f"kullet {cohort.id}: et snitt av {respondents} svar (færre enn {k}) er en "
                        "vurdering av én eller to personer"),
                    Say(f"Remove it, or pool sessions or years until at least {k} have answered.",
                        f"Fjern det, eller slå sammen samlinger eller år til minst {k} har svart."),
                )


@rule("ASK713", "leader-cohort-missing", Severity.WARNING)
def leader_cohort_missing(ctx: CheckContext) -> Iterator[Finding]:
    """A leader's cohort year has no cohort record in ``cohorts/``: the
    leader's cohort is not evaluated (no Tabell 1 for it).

    FAIL:
        cohort: 2019   # and no cohorts/*.yaml with start: 2019
    PASS:
        cohort: 2018   # cohorts/K-2018.yaml has start: 2018
    """
    starts = {c.start for c in ctx.portfolio.cohorts}
    for leader in ctx.portfolio.leaders:
        if leader.cohort not in starts:
            yield Finding(
                leader.where("cohort"),
                Say(f"leader {leader.id} is in the {leader.cohort} cohort, which has no cohort record",
                    f"lederen {leader.id} er i kullet fra {leader.cohort}, som ikke har noen kullpost"),
                Say(f"Add cohorts/K-{leader.cohort}.yaml with 'start: {leader.cohort}' (askoy2020 new cohort), "
                    "or correct the year.",
                    f"Legg til cohorts/K-{leader.cohort}.yaml med «start: {leader.cohort}» "
                    "(askoy2020 new cohort), eller rett året."),
            )


@rule("ASK714", "cohort-respondents-above-leaders", Severity.ERROR)
def cohort_respondents_above_leaders(ctx: CheckContext) -> Iterator[Finding]:
    """A level 1 or level 2 aggregate has more respondents than the cohort
    has leaders: those who answer are the participants themselves.

    FAIL:
        leaders: 8
        reaction:
          - {year: 2018, mean: 4.2, respondents: 11}
    PASS:
        leaders: 12
        reaction:
          - {year: 2018, mean: 4.2, respondents: 11}
    """
    for cohort in ctx.portfolio.cohorts:
        rows = [("reaction", i, x.respondents) for i, x in enumerate(cohort.reaction)]
        rows += [("learning", i, x.respondents) for i, x in enumerate(cohort.learning)]
        for field, i, respondents in rows:
            if respondents > cohort.leaders:
                yield Finding(
                    cohort.where(field, i, "respondents"),
                    Say(f"cohort {cohort.id}: {respondents} respondents, but the cohort has {cohort.leaders} leaders",
                        f"kullet {cohort.id}: {respondents} svar, men kullet har {cohort.leaders} ledere"),
                    Say("Correct the respondents or the cohort's 'leaders'.",
                        "Rett antall svar eller kullets «leaders»."),
                )


@rule("ASK715", "behaviour-before-not-before-after", Severity.ERROR)
def behaviour_order(ctx: CheckContext) -> Iterator[Finding]:
    """A level 3 comparison whose ``before`` is not from an earlier year than
    its ``after``: it does not show a change over the programme.

    FAIL:
        behaviour:
          - before: {year: 2020, mean: 3.4, respondents: 40}
            after: {year: 2018, mean: 3.9, respondents: 42}
    PASS:
        behaviour:
          - before: {year: 2018, mean: 3.4, respondents: 40}
            after: {year: 2020, mean: 3.9, respondents: 42}
    """
    for cohort in ctx.portfolio.cohorts:
        for i, b in enumerate(cohort.behaviour):
            if b.before is not None and b.before.year >= b.after.year:
                yield Finding(
                    cohort.where("behaviour", i, "after", "year"),
                    Say(f"cohort {cohort.id}: level 3 'after' ({b.after.year}) is not after 'before' "
                        f"({b.before.year})",
                        f"kullet {cohort.id}: på nivå 3 er målingen etter programmet ({b.after.year}) ikke "
                        f"senere enn målingen før ({b.before.year})"),
                    Say("Measure before the programme and after it with the same instrument.",
                        "Mål før og etter programmet med samme verktøy."),
                )


@rule("ASK716", "cohort-fewer-leaders-than-records", Severity.WARNING)
def cohort_fewer_leaders_than_records(ctx: CheckContext) -> Iterator[Finding]:
    """A cohort's ``leaders`` (how many took part) is smaller than the number
    of leader records in that cohort: the count the aggregates are read
    against is too low, or a leader's ``cohort`` year is wrong.

    FAIL:
        leaders: 1   # and two leader records with cohort: 2018
    PASS:
        leaders: 12
    """
    p = ctx.portfolio
    for cohort in p.cohorts:
        records = len(p.leaders_in(cohort))
        if records > cohort.leaders:
            yield Finding(
                cohort.where("leaders"),
                Say(f"cohort {cohort.id} counts {cohort.leaders} leaders, but {records} leader records are in it",
                    f"kullet {cohort.id} teller {cohort.leaders} ledere, men {records} lederposter hører til det"),
                Say(f"Set 'leaders' to at least {records}, or correct the leaders' 'cohort' year.",
                    f"Sett «leaders» til minst {records}, eller rett lederens «cohort»-år."),
            )


@rule("ASK717", "ten-factor-scores-too-few", Severity.ERROR)
def ten_factor_scores_too_few(ctx: CheckContext) -> Iterator[Finding]:
    """A unit's 10-FAKTOR result holds scores from fewer respondents than the
    programme's ``min_respondents`` (3 by default): they are one or two
    employees' own answers, including their rating of their identifiable
    leader (mestringsorientert ledelse). KS does not release them, and git
    history would keep them (GDPR art. 5(1)(c), art. 25). Keep ``invited``
    and ``respondents`` – the response rate – and remove the scores.

    FAIL:
        ten_factor:
          - year: 2018
            invited: 2
            respondents: 1
            scores: {task_motivation: 4.5, mastery_climate: 3.9}
    PASS:
        ten_factor:
          - year: 2018
            invited: 2
            respondents: 1
    """
    k = threshold_of(ctx.portfolio.programme)
    for leader in ctx.portfolio.leaders:
        for i, result in enumerate(leader.ten_factor):
            if result.scores and result.respondents < k:
                few = result.respondents <= 2
                yield Finding(
                    leader.where("ten_factor", i, "scores"),
                    Say(f"10-FAKTOR of {leader.id} {result.year}: scores from {result.respondents} "
                        f"respondent{'' if result.respondents == 1 else 's'} "
                        f"(fewer than {k}) are {'one or two' if few else 'a few'} employees' answers",
                        f"10-FAKTOR for {leader.id} {result.year}: resultater fra {result.respondents} svar "
                        f"(færre enn {k}) er svarene til {'én eller to' if few else 'noen få'} ansatte"),
                    Say("Remove the scores and keep 'invited' and 'respondents' (askoy2020 migrate leaders does it); "
                        "git history keeps old versions – see docs/migrate.md.",
                        "Fjern resultatene og behold «invited» og «respondents» (askoy2020 migrate leaders gjør "
                        "det); git-historikken har fortsatt gamle versjoner – se docs/migrate.md."),
                )


@rule("ASK718", "leader-record-has-name", Severity.WARNING)
def leader_record_has_name(ctx: CheckContext) -> Iterator[Finding]:
    """A leader record has a ``name``. A leader record describes a position
    (role and unit); a name next to the unit's goals and 10-FAKTOR makes it a
    personnel file about one person in git, shown to every leader in the
    internal report (GDPR art. 5(1)(c), data minimisation).

    FAIL:
        id: L-001
        role: Rektor
        name: Kari Nordmann
    PASS:
        id: L-001
        role: Rektor
    """
    for leader in ctx.portfolio.leaders:
        if leader.name is not None:
            yield Finding(
                leader.where_key("name"),
                Say(f"leader record {leader.id} has a name; a leader record describes a position: remove the name "
                    "(GDPR art. 5(1)(c))",
                    f"lederposten {leader.id} har et navn; en lederpost beskriver en stilling – fjern navnet "
                    "(personvernforordningen art. 5 nr. 1 bokstav c)"),
                Say("Delete the 'name' line (askoy2020 migrate leaders does it); git history keeps old versions – "
                    "see docs/migrate.md.",
                    "Slett linjen «name» (askoy2020 migrate leaders gjør det); git-historikken har fortsatt gamle "
                    "versjoner – se docs/migrate.md."),
            )
