"""Words of the report's prioritisation part (nb, en).

Written for politicians: kroner, årsverk and services, no solver terms.
A project's value is its *nytteverdi*, explained in the method paragraph;
money in running text is in mill. kr, in tables in 1000 kr.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # headline and how good the selection is
    "plan_counts": ("{new} finansieres, {continuing} videreføres, og {unfunded} finansieres ikke.",
                    "{new} funded, {continuing} continuing, {unfunded} not funded."),
    "n_new_one": ("{n} nytt forslag", "{n} new proposal"),
    "n_new_many": ("{n} nye forslag", "{n} new proposals"),
    "n_continuing_one": ("{n} pågående eller vedtatt prosjekt", "{n} running or adopted project"),
    "n_continuing_many": ("{n} pågående eller vedtatte prosjekter", "{n} running or adopted projects"),
    "n_unfunded_one": ("{n} forslag", "{n} proposal"),
    "n_unfunded_many": ("{n} forslag", "{n} proposals"),
    "plan_ending_one": ("{n} pågående prosjekt avsluttes før {year} og trenger ingen midler i planårene ({list}).",
                        "{n} running project ends before {year} and needs no money in the plan years ({list})."),
    "plan_ending_many": ("{n} pågående prosjekter avsluttes før {year} og trenger ingen midler i planårene ({list}).",
                         "{n} running projects end before {year} and need no money in the plan years ({list})."),
    "plan_optimal": ("Prosjektene som er valgt, gir høyest mulig samlet nytteverdi innenfor rammene (kontrollert: "
                     "ingen annen kombinasjon av prosjekter gir mer).",
                     "The selection gives the highest possible total value within the frames (checked: no other "
                     "combination of projects gives more)."),
    "plan_near": ("Prosjektene som er valgt, gir høyst {share} mindre samlet nytteverdi enn det beste mulige "
                  "innenfor rammene.",
                  "The selection gives at most {share} less total value than the best possible within the frames."),
    "plan_stopped": ("Beregningen ble stoppet ved tidsgrensen: prosjektene som er valgt, gir høyst {share} mindre "
                     "samlet nytteverdi enn det beste mulige innenfor rammene.",
                     "The calculation stopped at its time limit: the selection gives at most {share} less total "
                     "value than the best possible within the frames."),
    "plan_scenario": ("Planen er laget for scenarioet {id}, ikke for rammene slik de er vedtatt.",
                      "The plan is made for the scenario {id}, not for the frames as adopted."),
    # tables of projects
    "funded_new": ("Nye forslag som finansieres", "New proposals funded"),
    "funded_continuing": ("Pågående og vedtatte prosjekter som videreføres",
                          "Running and adopted projects that continue"),
    "unfunded": ("Forslag som ikke finansieres", "Proposals not funded"),
    "not_placeable": ("Prosjekter som ikke kan være med i planen", "Projects that cannot be in the plan"),
    "per_year_note": ("Beløp per år i 1000 kr, årsverk per år. Nytteverdien forklares under «Slik er forslagene "
                      "prioritert».",
                      "Amounts per year in 1000 kr, årsverk per year. The value is explained under \"How the "
                      "proposals are prioritised\"."),
    "nytteverdi": ("Nytteverdi", "Value"),
    "basis": ("Grunnlag", "Basis"),
    "basis_chosen": ("valgt etter nytteverdi", "chosen for its value"),
    "basis_mandatory": ("lovpålagt", "statutory"),
    "basis_included": ("tatt med etter valg", "included by choice"),
    "basis_committed": ("pågår", "running"),
    "basis_locked": ("vedtatt eller avtalt", "decided or contracted"),
    "basis_resumed": ("gjenopptas", "resumed"),
    # why a project is not funded
    "mill": ("{amount} mill. kr", "NOK {amount} million"),
    "fte": ("{amount} årsverk", "{amount} årsverk"),
    "frame_drift": ("driftsramme", "operating frame"),
    "frame_investment": ("investeringsramme", "investment frame"),
    "frame_staff": ("årsverksramme", "staff frame"),
    "frame_drift_def": ("driftsrammen", "operating frame"),
    "frame_investment_def": ("investeringsrammen", "investment frame"),
    "frame_staff_def": ("årsverksrammen", "staff frame"),
    "short_programme": ("Det mangler {amount} i programmets {frame} for {year}.",
                        "The programme's {frame} for {year} is {amount} short."),
    "short_area": ("Det mangler {amount} i {frame} til {area} for {year}.",
                   "The {frame} of {area} for {year} is {amount} short."),
    "frame_full": ("Rammene har ikke rom for det.", "The frames have no room for it."),
    "cannot_enter": ("Prosjektet får ikke plass innenfor rammen selv om andre forslag tas ut.",
                     "It does not fit the frame even if other proposals go."),
    "pushes_out_one": ("Å ta det inn ville fortrenge {list}, som har høyere nytteverdi ({theirs} mot {own}).",
                       "Taking it in would push out {list}, which has a higher value ({theirs} against {own})."),
    "pushes_out_many": ("Å ta det inn ville fortrenge {list}, som til sammen har høyere nytteverdi ({theirs} mot "
                        "{own}).",
                        "Taking it in would push out {list}, which together have a higher value ({theirs} against "
                        "{own})."),
    "moves_others": ("Å ta det inn ville flytte andre prosjekter til senere år, og samlet nytteverdi ville gått ned.",
                     "Taking it in would move other projects to later years and lower the total value."),
    "fits_but_less": ("Det får plass innenfor rammene, men gir mindre nytte enn det det ville fortrengt.",
                      "It fits the frames, but is worth less than what it would displace."),
    "needs_unfunded": ("Bygger på {list}, som ikke er finansiert.", "Depends on {list}, which is not funded."),
    "needs_impossible": ("Bygger på {list}, som ikke kan være med i planen.",
                         "Depends on {list}, which cannot be in the plan."),
    "needs_cancelled": ("Bygger på {list}, som er avlyst.", "Depends on {list}, which is cancelled."),
    "needs_unknown": ("Bygger på {list}, som ikke finnes i dataene.", "Depends on {list}, which is not in the data."),
    "needs_other": ("Et prosjekt det bygger på, er ikke med i planen.", "A project it depends on is not in the plan."),
    "timing": ("Ingen mulig oppstart kommer etter {list}, som det bygger på.",
               "No start it may have comes after {list}, which it depends on."),
    "timing_other": ("Ingen mulig oppstart kommer etter prosjektene det bygger på.",
                     "No start it may have comes after the projects it depends on."),
    "excluded_by": ("Holdt utenfor etter valg ({by}).", "Excluded by choice ({by})."),
    "excluded_other": ("Holdt utenfor etter valg.", "Excluded by choice."),
    "no_start_window": ("Ingen oppstart i startvinduet {first}–{last} gir kostnader innenfor planårene "
                        "{plan_first}–{plan_last}.",
                        "No start in its window {first}–{last} keeps its costs inside the plan years "
                        "{plan_first}–{plan_last}."),
    "no_start_date": ("Har ingen planlagt startdato.", "Has no planned start date."),
    "no_start_other": ("Kan ikke plasseres i planårene.", "Cannot be placed in the plan years."),
    "outside_years": ("Er planlagt {first}–{last}, utenfor planårene {plan_first}–{plan_last}.",
                      "Runs {first}–{last}, outside the plan years {plan_first}–{plan_last}."),
    "outside_years_other": ("Ligger utenfor planårene {plan_first}–{plan_last}.",
                            "Lies outside the plan years {plan_first}–{plan_last}."),
    "cancelled_reason": ("Avlyst.", "Cancelled."),
    "reason_only_in_file": ("Den fulle begrunnelsen finnes bare på engelsk i planfilen.",
                            "The full reason is only in the plan file."),
    # unallocated money, transfers, more money
    "unallocated": ("Ikke fordelt av rammene", "Unallocated in the frames"),
    "unallocated_note": ("Det rammen gir, minus det planen bruker («av» viser rammen). Beløp i 1000 kr.",
                         "What the frame gives less what the plan uses ('of' shows the frame). Amounts in 1000 kr."),
    "transfers_head": ("Omfordeling mellom programområder som ville finansiert et forslag",
                       "Transfers between programme areas that would fund a proposal"),
    "transfers_note": ("Omfordelingene er alternativer: hver gjelder for seg, og flere av dem kan bruke de samme "
                       "ubrukte midlene, så bare én eller noen få kan gjennomføres. Programmets samlede ramme endres "
                       "ikke.",
                       "The transfers are alternatives: each stands alone, and several may use the same unused "
                       "money, so only one or a few can be carried out. The programme's total frame does not "
                       "change."),
    "transfer_col": ("Flytting som ville finansiert det", "Transfer that would fund it"),
    "transfer_from": ("{amount} fra {source}", "{amount} from {source}"),
    "transfer_moves": ("{list} til {target} ({frame} {year})", "{list} to {target} ({frame} {year})"),
    "more_money": ("Hva {amount} mer til drift per år {first}–{last} ville gitt",
                   "What {amount} more operating money a year {first}–{last} would buy"),
    "more_to": ("Mer til", "More for"),
    "more_funds": ("Ville finansiere", "Would fund"),
    "more_gives_way": ("Må vike", "Would give way"),
    "more_gain": ("Økt samlet nytteverdi", "Total value gained"),
    "more_note": ("Penger til et programområde øker også programmets ramme. Et prosjekt som må vike, gir plass "
                  "til noe som gir mer nytte for de samme pengene.",
                  "Money for an area raises the programme's frame too. A project that gives way makes room for "
                  "something worth more for the same money."),
    "more_programme_nothing": ("Mer penger til programmet som helhet gir ingenting så lenge rammene til "
                               "programområdene ikke økes: det er de som er fulle.",
                               "More money for the programme as a whole buys nothing unless the areas' frames grow: "
                               "they are what is full."),
    "more_nothing": ("{amount} mer per år ville ikke finansiert flere forslag.",
                     "{amount} more a year would fund no further proposal."),
    "more_timing": ("bedre tidsplan", "a better schedule"),
    # the method and the weights
    "method_head": ("Slik er forslagene prioritert", "How the proposals are prioritised"),
    "method_weighted": ("Hvert prosjekt får en nytteverdi ut fra skårene på kriteriene nedenfor, veid med vektene "
                        "(100 er toppskår på alle), ganget med programområdets strategiske vekt.",
                        "Each project gets a value from its scores on the criteria below, weighted by the weights "
                        "(100 is the top score on all), times the area's strategic weight."),
    "method_wsjf": ("Hvert prosjekt får en nytteverdi ut fra hva det koster å vente: skårene på {criteria}, veid "
                    "med vektene (100 er toppskår) og ganget med programområdets strategiske vekt, delt på "
                    "driftskostnaden i mill. kr (minst 1).",
                    "Each project gets a value from what waiting costs: its scores on {criteria}, weighted by "
                    "the weights (100 is the top score) and times the area's strategic weight, divided by its "
                    "operating cost in NOK million (at least 1)."),
    "method_delay": ("Et prosjekt som starter senere enn det kunne, mister {share} av nytteverdien for hvert år det "
                     "utsettes.",
                     "A project that starts later than it could loses {share} of its value for each year it is "
                     "put off."),
    "method_benefit": ("Forventede gevinster i planårene gir et tillegg i nytteverdien på {points} per mill. kr.",
                       "Expected benefits inside the plan years add {points} to the value per NOK 1 million."),
    "method_rule": ("Prosjekter som er i gang, er vedtatt eller er lovpålagte, er alltid med. Blant de øvrige "
                    "forslagene er den kombinasjonen valgt som gir høyest samlet nytteverdi innenfor alle rammer for "
                    "hvert år – drift, investering og årsverk, for programmet og for hvert programområde – og "
                    "avhengigheter mellom prosjektene er fulgt.",
                    "Projects that are running, decided or statutory are always in. Among the other proposals, "
                    "the combination chosen gives the highest total value within every frame of every year – "
                    "operating, investment and staff, for the programme and for each area – and follows the "
                    "dependencies between projects."),
    "criterion": ("Kriterium", "Criterion"),
    "weight": ("Vekt", "Weight"),
    "scale": ("Skala", "Scale"),
    "weights_adopted": ("Kriteriene og vektene er vedtatt i {decision}.",
                        "The criteria and weights were adopted in {decision}."),
    "weights_adopted_on": ("Kriteriene og vektene ble vedtatt {date} ({decision}).",
                           "The criteria and weights were adopted on {date} ({decision})."),
    "weights_not_recorded": ("Vedtaket som fastsatte kriteriene og vektene, er ikke registrert i programme.yaml.",
                             "The decision that adopted the criteria and weights is not recorded in programme.yaml."),
    "alt_head": ("Alternative budsjetter", "Alternative budgets"),
    "alt_name": ("Alternativ", "Alternative"),
    "alt_this": ("Denne planen (forslaget)", "This plan (the proposal)"),
    "alt_balances": ("Går i balanse", "Balances"),
    "alt_value": ("Verdi (poeng)", "Value (points)"),
    "alt_drift": ("Drift {year} (1000 kr)", "Drift {year} (1000 kr)"),
    "alt_staff": ("Årsverk {year}", "Årsverk {year}"),
    "alt_unallocated": ("Drift ikke fordelt (1000 kr)", "Drift unallocated (1000 kr)"),
    "alt_yes": ("ja", "yes"),
    "alt_no": ("nei", "no"),
    "alt_unknown": ("ikke kjent", "not known"),
    "alt_differs": ("{revision} finansierer i tillegg: {funds}; tar ut: {leaves_out}.",
                    "{revision} also funds: {funds}; leaves out: {leaves_out}."),
    "alt_goals": ("Forskjellene berører målene {goals}.", "The differences touch the goals {goals}."),
    "alt_not_balanced": ("{revision} går ikke i balanse: {why}", "{revision} does not balance: {why}"),
    "alt_not_known": ("{revision} ble ikke planlagt: {why}", "{revision} was not planned: {why}"),
    "robust_head": ("Hvor robust er planen?", "How robust is the plan?"),
    "robust_interval": ("{criterion}: vekten {weight} kan ligge fra {low} til {high} uten at planen endres "
                        "(de andre vektene som vedtatt).",
                        "{criterion}: the weight {weight} may lie from {low} to {high} without the plan changing "
                        "(the other weights as adopted)."),
    "robust_no_upper": ("så høyt som helst", "any height"),
    "robust_unverified": ("(så langt tiden rakk å prøve)", "(as far as the time allowed to try)"),
    "robust_draws": ("Med {draws} tilfeldige sett av vekter, der hver vekt kan avvike {spread} fra den vedtatte, er "
                     "disse forslagene med hver gang: {always}. Disse er aldri med: {never}.",
                     "Under {draws} random sets of weights, each weight up to {spread} off the adopted one, these "
                     "proposals are in every time: {always}. These are never in: {never}."),
    "robust_edge": ("På vippen – med under noen av vektsettene, andelen i parentes: {edge}.",
                    "On the edge – in under some of the weight sets, the share in brackets: {edge}."),
    "robust_no_edge": ("Ingen forslag er på vippen: de samme velges under alle vektsettene.",
                       "No proposal is on the edge: the same are chosen under every set of weights."),
    "robust_none": ("ingen", "none"),
    "fair_head": ("Fordelingen mellom områdene", "How the plan shares between the areas"),
    "fair_area": ("Område", "Area"),
    "fair_drift": ("Av driften i planen", "Of the plan's drift"),
    "fair_frames": ("Av programmets driftsrammer", "Of the programme's drift frames"),
    "fair_min": ("Minsteandel", "Minimum share"),
    "fair_staff": ("Av årsverkene", "Of the årsverk"),
    "fair_value": ("Av forslagenes verdi", "Of the proposals' value"),
    "fair_price": ("Minsteandelen koster (poeng)", "The minimum share costs (points)"),
    "fair_note": ("Andelene gjelder planårene. Prisen for en minsteandel er verdien planen gir fra seg for den: "
                  "planens verdi uten minsteandelen, minus verdien med den.",
                  "Shares are over the plan years. The price of a minimum share is the value the plan gives up "
                  "for it: the plan's value without it, less its value with it."),
    "weights_pairwise": ("Vektene er regnet ut fra parvise sammenligninger av kriteriene (AHP, Saatys metode); "
                         "konsistensratioen er {ratio} (under 0,1 regnes sammenligningene som samstemte).",
                         "The weights are derived from pairwise comparisons of the criteria (AHP, Saaty's method); "
                         "the consistency ratio is {ratio} (below 0.1 the comparisons count as consistent)."),
    "weights_pairwise_inconsistent": ("Vektene er regnet ut fra parvise sammenligninger av kriteriene (AHP); "
                                      "konsistensratioen er {ratio}, over 0,1: sammenligningene motsier hverandre "
                                      "og bør gås gjennom på nytt.",
                                      "The weights are derived from pairwise comparisons of the criteria (AHP); "
                                      "the consistency ratio is {ratio}, above 0.1: the comparisons contradict one "
                                      "another and should be looked at again."),
    "weights_scenario": ("Scenarioet {id} endrer vektene; tabellen viser vektene planen er laget med.",
                         "The scenario {id} changes the weights; the table shows the weights the plan was made with."),
    "no_criteria": ("Programmet har ingen kriterier: bare reglene avgjør.",
                    "The programme has no criteria: only the rules decide."),
    # page 1: what the meeting must decide
    "decide_unallocated": ("Ikke fordelt av programmets {frame}: {list}.",
                           "Unallocated in the programme's {frame}: {list}."),
    "decide_unfunded": ("{project} ({area}) finansieres ikke; det trenger {cost}.",
                        "{project} ({area}) is not funded; it needs {cost}."),
    "decide_transfer": ("Kan finansieres ved omfordeling fra andre programområder.",
                        "Can be funded by moving money from other areas."),
    "in_year": ("{amount} i {year}", "{amount} in {year}"),
    "cost_drift": ("{amount} til drift", "{amount} operating"),
    "cost_investment": ("{amount} til investering", "{amount} investment"),
}
