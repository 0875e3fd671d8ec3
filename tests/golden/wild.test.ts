/**
 * Golden tests of the wild corpus (issue 7, item 1): every fixture in tests/fixtures/wild/index.ts
 * read and analysed, one test per thing its document prints (`<slug>: <what is expected>`): its
 * tables, variances, sums, variance and difference columns, indicators, its own errors, and no
 * false mismatch. A failure says what the document prints and what the engine gave.
 *
 * `KNOWN_GAPS` holds what the engine does not meet yet, each with the reason: those tests run as
 * `test.failing`, so a gap that gets fixed fails the suite until its entry is removed.
 */
import { existsSync } from 'node:fs';
import { WILD_FIXTURES } from '../fixtures/wild';
import type { WildFixture } from '../fixtures/wild/types';
import { listExpectations, loadWild, scoreFixture, wildPath, type Scored } from './wildHelpers';

/** Expectation name (`<slug>: <what is expected>`) → why the engine does not meet it yet. */
const KNOWN_GAPS: Readonly<Record<string, string>> = {
  'eskilstuna-2020-ar-budgetavvikelser: Intäkter och kostnader!"Socialnämnden" D: the document\'s error is reported (Avvikelse printed 101,5 (an överskott) while its Procent is −19,6 % and the Summa 47,5 only adds up with −101,5: the minus sign is lost.)':
    'the engine reports the lost minus sign where it shows (the row’s share E and the Summa’s D), not at the misprinted variance itself: it does not yet locate the one figure that explains both',
  'jarfalla-miljolaget-fokusomraden: Det klimatsmarta!"Inriktningsmål: "Järfälla ska till år 2020" is a kf goal with 0 indicators, ej-bedomd':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'jarfalla-miljolaget-fokusomraden: Det klimatsmarta!"Effektmål ML.1.1" is a kf goal under "Inriktningsmål: "Järfälla ska till år 2020" with 0 indicators, ej-bedomd, printed helt':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'jarfalla-miljolaget-fokusomraden: Det klimatsmarta!"Effektmål ML.1.2" is a kf goal under "Inriktningsmål: "Järfälla ska till år 2020" with 0 indicators, ej-bedomd, printed ej-bedomd':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'jarfalla-miljolaget-fokusomraden: Det klimatsmarta!"Effektmål ML.1.3" is a kf goal under "Inriktningsmål: "Järfälla ska till år 2020" with 0 indicators, ej-bedomd, printed delvis':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'jarfalla-miljolaget-fokusomraden: Det klimatsmarta!"Effektmål ML.1.4" is a kf goal under "Inriktningsmål: "Järfälla ska till år 2020" with 0 indicators, ej-bedomd, printed helt':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'jarfalla-miljolaget-fokusomraden: Det miljömedvetna!"Inriktningsmål: "Järfälla har miljömedvetna" is a kf goal with 0 indicators, ej-bedomd':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'jarfalla-miljolaget-fokusomraden: Det miljömedvetna!"Effektmål MP.2.1" is a kf goal under "Inriktningsmål: "Järfälla har miljömedvetna" with 0 indicators, ej-bedomd, printed delvis':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'jarfalla-miljolaget-fokusomraden: Det miljömedvetna!"Effektmål MP.2.2" is a kf goal under "Inriktningsmål: "Järfälla har miljömedvetna" with 0 indicators, ej-bedomd, printed delvis':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'jarfalla-miljolaget-fokusomraden: Det miljömedvetna!"Effektmål MP.2.3" is a kf goal under "Inriktningsmål: "Järfälla har miljömedvetna" with 0 indicators, ej-bedomd, printed helt':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'jarfalla-miljolaget-fokusomraden: Det miljömedvetna!"Effektmål MP.2.4" is a kf goal under "Inriktningsmål: "Järfälla har miljömedvetna" with 0 indicators, ej-bedomd, printed helt':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'jarfalla-miljolaget-fokusomraden: Det miljömedvetna!"Effektmål MP.2.5" is a kf goal under "Inriktningsmål: "Järfälla har miljömedvetna" with 0 indicators, ej-bedomd, printed helt':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'jarfalla-miljolaget-fokusomraden: Det goda livet!"Inriktningsmål: "I Järfälla har alla människor" is a kf goal with 0 indicators, ej-bedomd':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'jarfalla-miljolaget-fokusomraden: Det goda livet!"Effektmål MP.3.1" is a kf goal under "Inriktningsmål: "I Järfälla har alla människor" with 0 indicators, ej-bedomd, printed ej':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'jarfalla-miljolaget-fokusomraden: Det goda livet!"Effektmål MP.3.2" is a kf goal under "Inriktningsmål: "I Järfälla har alla människor" with 0 indicators, ej-bedomd, printed ej':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'jarfalla-miljolaget-fokusomraden: Det goda livet!"Effektmål MP.3.3" is a kf goal under "Inriktningsmål: "I Järfälla har alla människor" with 0 indicators, ej-bedomd, printed ej-bedomd':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'jarfalla-miljolaget-fokusomraden: Det goda livet!"Effektmål MP.3.4" is a kf goal under "Inriktningsmål: "I Järfälla har alla människor" with 0 indicators, ej-bedomd, printed ej-bedomd':
    'goals and their printed assessments written only as page text, with no table: goals in prose are not read',
  'lund-2023-evp-ramar: Bilagor!A4 is a budget table in tkr':
    'a caption-only header (`Kommunfullmäktige (Tkr)`) with the year row inside the body (`Förändringar 2023–2025 | 2023 | 2024 | 2025`) is not read as a header',
  'lund-2023-evp-ramar: Bilagor!A13 is a budget table in tkr':
    'a caption-only header (`Kommunfullmäktige (Tkr)`) with the year row inside the body (`Förändringar 2023–2025 | 2023 | 2024 | 2025`) is not read as a header',
  'malmo-2014-ar-finansiella-mal: Finansiella mål!B6 is a indicators table in mnkr':
    'a transposed goal table (target, outcome and deviation as rows, years as columns) is not read as indicators',
  'malmo-2014-ar-finansiella-mal: Finansiella mål!"Årets resultat" is not-met (outcome -149, direction higher)':
    'a transposed goal table (target, outcome and deviation as rows, years as columns) is not read as indicators',
  'malmo-2015-ar-finansiellt-mal: Finansiellt mål!A12 is a indicators table in no unit':
    'the targets stand in bullet sentences above a table that is only an outcome history: targets in prose are not read',
  'malmo-2015-ar-finansiellt-mal: Finansiellt mål!"Resultat" is unclear (outcome 3.5, direction unknown)':
    'the targets stand in bullet sentences above a table that is only an outcome history: targets in prose are not read',
  'malmo-2015-ar-finansiellt-mal: Finansiellt mål!"Lånekvot" is met (outcome -3.4, direction lower)':
    'the targets stand in bullet sentences above a table that is only an outcome history: targets in prose are not read',
  'malmo-2016-delar-finansiellt-mal: Finansiellt mål!"För 2016 uppgår det budgeterade resultatet" is unclear (outcome 3.1, direction unknown)':
    'indicators written only as sentences (target and forecast in prose, no table) are not read',
  'malmo-2016-delar-finansiellt-mal: Finansiellt mål!"Den budgeterade lånekvoten" is met (outcome 4.1, direction lower)':
    'indicators written only as sentences (target and forecast in prose, no table) are not read',
  'malmo-2016-delar-finansiellt-mal: Finansiellt mål!"Den budgeterade kapitalkostnadsnivån" is no-target (outcome 5.2)':
    'indicators written only as sentences (target and forecast in prose, no table) are not read',
  'ostersund-2017-delar-t2-sammanfattning: Sammanfattning!A5 is a budget table in mnkr':
    'a horizontal key-figure panel (captions across, one value row with units inside the cells) and forecast deviations as a bullet list are not read as tables',
  'ostersund-2017-delar-t2-sammanfattning: Sammanfattning!A8 is a budget table in mnkr':
    'a horizontal key-figure panel (captions across, one value row with units inside the cells) and forecast deviations as a bullet list are not read as tables',
  'ostersund-2017-delar-t2-sammanfattning: Sammanfattning!"+ 155,8 mnkr" C: variance 37.3 (C against D)':
    'a horizontal key-figure panel (captions across, one value row with units inside the cells) and forecast deviations as a bullet list are not read as tables',
  'ostersund-2017-delar-t2-sammanfattning: Sammanfattning!"Finansiering" B: forecast deviation -9.3':
    'a horizontal key-figure panel (captions across, one value row with units inside the cells) and forecast deviations as a bullet list are not read as tables',
  'ostersund-2017-delar-t2-sammanfattning: Sammanfattning!"Vård- och omsorgsnämnden" B: forecast deviation 10.9':
    'a horizontal key-figure panel (captions across, one value row with units inside the cells) and forecast deviations as a bullet list are not read as tables',
  'ostersund-2017-delar-t2-sammanfattning: Sammanfattning!"Kommunstyrelsen" B: forecast deviation 18.6':
    'a horizontal key-figure panel (captions across, one value row with units inside the cells) and forecast deviations as a bullet list are not read as tables',
  'stockholm-2018-miljobarometern-delmal: Biltrafiken!"Biltrafiken ska minska" is a kf goal with 3 indicators, ej-bedomd, printed ej':
    'the goal is a page heading with only lines above its table, and its verdict stands on a line of its own between the goal and its indicators: not read',
  'stockholm-2018-miljobarometern-delmal: Frisk luft!"Stockholm ska ha frisk luft" is a kf goal with 2 indicators, ej-bedomd, printed delvis':
    'the goal is a page heading with only lines above its table, and its verdict stands on a line of its own between the goal and its indicators: not read',
  'vargarda-2018-mal-och-uppdrag: Utvecklande skola!"Mätmetod - enkät till vårdnadshavare" is unclear (outcome 97, direction higher)':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Hållbar miljö!"Mätmetod - Vårgårda ska nå en god placering" is not-met (outcome 114, direction lower)':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Näringsliv!"Mätmetod - Antal nya företagsetableringar per år" is met (outcome 8, direction lower)':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Näringsliv!"Mätmetod - Antalet nystartade företag per 1000 invånare." is met (outcome 8.8, direction higher)':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Näringsliv!"Mätmetod - Placering i Svenskt Näringslivs företagsranking." is met (outcome 10, direction lower)':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Attraktivt boende!"Mätmetod - Ökning av antalet invånare per år" is met (outcome 130, direction higher)':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Attraktivt boende!"Mätmetod - Antalet lägenheter/villor" is not-met (outcome 33, direction higher)':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Utvecklande skola!"Kunskapsmålen ska vara i centrum" is a kf goal with 0 indicators, ej-bedomd':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Utvecklande skola!"Förskolan i Vårgårda ska stimulera barns utveckling" is a kf goal under "Kunskapsmålen ska vara i centrum" with 1 indicators, ej-bedomd':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Utvecklande skola!"Alla elever ska kunna läsa" is a kf goal under "Kunskapsmålen ska vara i centrum" with 1 indicators, ej-bedomd':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Hållbar miljö!"Vårgårda kommun ska ha en stark miljöprofil" is a kf goal with 0 indicators, ej':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Hållbar miljö!"Vårgårda ska nå en god placering i Miljöaktuellts kommunranking" is a kf goal under "Vårgårda kommun ska ha en stark miljöprofil" with 1 indicators, ej':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Näringsliv!"Vårgårda ska ha ett gott näringslivsklimat" is a kf goal with 0 indicators, helt':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Näringsliv!"Vårgårda kommun ska ha ett konkurrenskraftigt och växande näringsliv" is a kf goal under "Vårgårda ska ha ett gott näringslivsklimat" with 1 indicators, helt':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Näringsliv!"Antalet nystartade företag per 1000 invånare ska öka" is a kf goal under "Vårgårda ska ha ett gott näringslivsklimat" with 1 indicators, helt':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Näringsliv!"Vårgårda ska vara bland de 20 bästa kommunerna" is a kf goal under "Vårgårda ska ha ett gott näringslivsklimat" with 1 indicators, helt':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Attraktivt boende!"Vårgårda kommun ska ha en mångfald av boenden" is a kf goal with 0 indicators, delvis':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Attraktivt boende!"Antalet invånare i Vårgårda kommun ska bli fler." is a kf goal under "Vårgårda kommun ska ha en mångfald av boenden" with 1 indicators, helt':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2018-mal-och-uppdrag: Attraktivt boende!"Antalet lägenheter/villor i Vårgårda kommun ska öka" is a kf goal under "Vårgårda kommun ska ha en mångfald av boenden" with 1 indicators, ej':
    'targets under a merged Målvärde over future years first and outcomes under Utfall tidigare år: the year row under them is not joined, so the latest outcome and its target are not told apart; `Mål <20` with a word before the operator is not read',
  'vargarda-2023-ar-maluppfoljning: Hållbar ekonomi!"Resultatet (%) i förhållande till skatteintäkter" is not-met (outcome 0.7, direction higher)':
    'the outcome 0,7 % against a plain target 2 % is held unclear (it looks like a share 0–1 against a percent), so its delmål is ej bedömd rather than ej',
  'vargarda-2023-ar-maluppfoljning: Hållbar ekonomi!"Det ekonomiska resultatet i Vårgårda kommun" is a kf goal under "I Vårgårda kommun är innebörden av god ekonomisk hushållning" with 1 indicators, ej, printed helt':
    'the outcome 0,7 % against a plain target 2 % is held unclear (it looks like a share 0–1 against a percent), so its delmål is ej bedömd rather than ej',
  'varmdo-2014-ar-bmhn-maluppfyllelse: BMHN 2014!A5 is a indicators table in no unit':
    'a `Mål | Kommentar` table whose targets and outcomes are only in the comment text is not read as indicators',
  'varmdo-2014-ar-bmhn-maluppfyllelse: BMHN 2014!"Tillgängligheten till myndigheten" is no-outcome':
    'a `Mål | Kommentar` table whose targets and outcomes are only in the comment text is not read as indicators',
  'varmdo-2014-ar-bmhn-maluppfyllelse: BMHN 2014!"Det ska vara enkelt för medborgarna" is no-outcome':
    'a `Mål | Kommentar` table whose targets and outcomes are only in the comment text is not read as indicators',
  'varmdo-2014-ar-bmhn-maluppfyllelse: BMHN 2014!"Alla fastigheter i Värmdö kommun" is no-outcome':
    'a `Mål | Kommentar` table whose targets and outcomes are only in the comment text is not read as indicators',
  'varmdo-2014-ar-bmhn-maluppfyllelse: BMHN 2014!"Enklare bygglov ska kunna beviljas" is no-target (outcome 187)':
    'a `Mål | Kommentar` table whose targets and outcomes are only in the comment text is not read as indicators',
  'varmdo-2015-ar-finansiella-mal: Finansiell analys!"• Årets resultat enligt resultaträkningen" is met (outcome 4.2, direction higher)':
    'indicators written only as bullet sentences (target, outcome and verdict in prose) are not read',
  'varmdo-2015-ar-finansiella-mal: Finansiell analys!"• Soliditeten ska öka" is met (outcome 0.6, direction higher)':
    'indicators written only as bullet sentences (target, outcome and verdict in prose) are not read',
  'varmdo-2015-ar-finansiella-mal: Finansiell analys!"• Nämndernas budgetavvikelse" is met (outcome 0.3, direction higher)':
    'indicators written only as bullet sentences (target, outcome and verdict in prose) are not read',
  'boras-2020-kf-indikatorer: Bo, bygga och miljö!"Andel hushåll och företag som har tillgång till bredband" is unclear (outcome 82, direction unknown)':
    'domain.md’s history rule (both outcomes before the target’s year above it) says a decrease is wanted, so the engine says not met; a reader knows a coverage share is wanted high and sees an earlier target already passed: the rule cannot tell the two apart',
  'falkenberg-2024-hallbarometern-mal: Mål 3!"Mål 3: Hälsa och välbefinnande" is a other goal with 1 indicators, ej-bedomd, printed delvis':
    'goal pages of Hållbarometern: the goal is a `Mål 3:` heading with its `Bedömning:` line and prose, not a goal table; goals in prose are not read',
  'falkenberg-2024-hallbarometern-mal: Mål 4!"Mål 4: God utbildning för alla" is a other goal with 1 indicators, ej-bedomd, printed delvis':
    'goal pages of Hållbarometern: the goal is a `Mål 3:` heading with its `Bedömning:` line and prose, not a goal table; goals in prose are not read',
  'falkenberg-2024-hallbarometern-mal: Mål 13!"Här kan du läsa mer om nuläget i Falkenberg inom mål 13" is a other goal with 0 indicators, ej-bedomd, printed ej':
    'goal pages of Hållbarometern: the goal is a `Mål 3:` heading with its `Bedömning:` line and prose, not a goal table; goals in prose are not read',
  'huddinge-2024-miljobarometern-miljoprogram: MP25.1 Klimat och energi!"Klimat och energi" is a other goal with 0 indicators, ej-bedomd, printed ej':
    'miljöprogram goals as page text with a doubled `Delmålet kan uppnås` verdict and targets in the goal sentence: goals in prose are not read',
  'huddinge-2024-miljobarometern-miljoprogram: MP25.6 Informera!"Informera och engagera" is a other goal with 0 indicators, ej-bedomd, printed helt':
    'miljöprogram goals as page text with a doubled `Delmålet kan uppnås` verdict and targets in the goal sentence: goals in prose are not read',
  'huddinge-2024-miljobarometern-miljoprogram: MP25.5.1 Luft!"Inga farliga nivåer av luftföroreningar" is a other goal with 1 indicators, helt, printed helt':
    'miljöprogram goals as page text with a doubled `Delmålet kan uppnås` verdict and targets in the goal sentence: goals in prose are not read',
  'huddinge-2024-miljobarometern-miljoprogram: MP.1.3 Kvävedioxid!"Halten av kvävedioxid ska minska" is a other goal with 0 indicators, ej-bedomd, printed helt':
    'miljöprogram goals as page text with a doubled `Delmålet kan uppnås` verdict and targets in the goal sentence: goals in prose are not read',
  'jonkoping-2021-hallbarometern-mal: Friluftskommuner!A7 is a indicators table in no unit':
    'the target stands only in the goal sentence (`bland de 10 i topp`), so the rank table is taken for följetal: targets in prose are not read',
  'jonkoping-2021-hallbarometern-mal: Friluftskommuner!"Sveriges bästa friluftskommun" is met (outcome 1, direction lower)':
    'the target stands only in the goal sentence (`bland de 10 i topp`), so the rank table is taken for följetal: targets in prose are not read',
  'jonkoping-2021-hallbarometern-mal: Vår livsmiljö!"Växthusgasutsläpp" is a kf goal with 0 indicators, ej-bedomd, printed ej':
    'delmål rows with a printed målbedömning (a forecast phrase) and theme rows inside the table are not read as goals',
  'jonkoping-2021-hallbarometern-mal: Vår livsmiljö!"Koldioxidutsläpp - kommunal verksamhet" is a kf goal with 0 indicators, ej-bedomd, printed helt':
    'delmål rows with a printed målbedömning (a forecast phrase) and theme rows inside the table are not read as goals',
  'jonkoping-2021-hallbarometern-mal: Vår livsmiljö!"Partiklar (2020)" is a kf goal with 0 indicators, ej-bedomd, printed delvis':
    'delmål rows with a printed målbedömning (a forecast phrase) and theme rows inside the table are not read as goals',
  'jonkoping-2021-hallbarometern-mal: Vår livsmiljö!"Kvävedioxid" is a kf goal with 0 indicators, ej-bedomd, printed ej':
    'delmål rows with a printed målbedömning (a forecast phrase) and theme rows inside the table are not read as goals',
  'jonkoping-2021-hallbarometern-mal: Friluftskommuner!"Jönköping ska ständigt vara bland de 10 i topp" is a kf goal with 1 indicators, helt, printed helt':
    'the target stands only in the goal sentence (`bland de 10 i topp`), so the rank table is taken for följetal: targets in prose are not read',
  'jonkoping-2021-hallbarometern-mal: Hälsa och välbefinnande!"Säkerställa att alla kan leva ett hälsosamt liv" is a other goal with 8 indicators, ej-bedomd':
    'delmål rows with a printed målbedömning (a forecast phrase) and theme rows inside the table are not read as goals',
  'sundsvall-2021-sekom-grona-nyckeltal: Gröna nyckeltal!A10 is a metrics table in no unit':
    'latest value, unit and year run together in one cell (`3,0 ton/inv2019`, `9,0 %2020`): such cells are not read as numbers, so the table yields no indicators',
  'sundsvall-2021-sekom-grona-nyckeltal: Gröna nyckeltal!"1a. Koldioxidutsläpp från industrin" is no-target (outcome 3)':
    'latest value, unit and year run together in one cell (`3,0 ton/inv2019`, `9,0 %2020`): such cells are not read as numbers, so the table yields no indicators',
  'sundsvall-2021-sekom-grona-nyckeltal: Gröna nyckeltal!"1b. Koldioxidutsläpp övriga sektorer" is no-target (outcome 2.6)':
    'latest value, unit and year run together in one cell (`3,0 ton/inv2019`, `9,0 %2020`): such cells are not read as numbers, so the table yields no indicators',
  'sundsvall-2021-sekom-grona-nyckeltal: Gröna nyckeltal!"2. Resor med kollektivtrafik" is no-target (outcome 69)':
    'latest value, unit and year run together in one cell (`3,0 ton/inv2019`, `9,0 %2020`): such cells are not read as numbers, so the table yields no indicators',
  'sundsvall-2021-sekom-grona-nyckeltal: Gröna nyckeltal!"4. Ekologisk odling" is no-target (outcome 9)':
    'latest value, unit and year run together in one cell (`3,0 ton/inv2019`, `9,0 %2020`): such cells are not read as numbers, so the table yields no indicators',
  'sundsvall-2021-sekom-grona-nyckeltal: Gröna nyckeltal!"5. Miljöcertifierat skogsbruk" is no-target (outcome 46)':
    'latest value, unit and year run together in one cell (`3,0 ton/inv2019`, `9,0 %2020`): such cells are not read as numbers, so the table yields no indicators',
  'sundsvall-2021-sekom-grona-nyckeltal: Gröna nyckeltal!"6. Skyddad natur" is no-target (outcome 1.8)':
    'latest value, unit and year run together in one cell (`3,0 ton/inv2019`, `9,0 %2020`): such cells are not read as numbers, so the table yields no indicators',
  'sundsvall-2021-sekom-grona-nyckeltal: Gröna nyckeltal!"7. Mängd hushållsavfall" is no-target (outcome 479)':
    'latest value, unit and year run together in one cell (`3,0 ton/inv2019`, `9,0 %2020`): such cells are not read as numbers, so the table yields no indicators',
  'sundsvall-2021-sekom-grona-nyckeltal: Gröna nyckeltal!"8a. Bly i avloppsslam" is no-target (outcome 18.6)':
    'latest value, unit and year run together in one cell (`3,0 ton/inv2019`, `9,0 %2020`): such cells are not read as numbers, so the table yields no indicators',
  'vasteras-2018-barometern-valfard: Låg inkomststandard!A5 is a metrics table in no unit':
    'a vertical time series (`Rad-id | Datum | Värde`) and label/value pairs under a one-cell header are not read as indicator tables',
  'vasteras-2018-barometern-valfard: Kommunens resultat!A4 is a metrics table in no unit':
    'a vertical time series (`Rad-id | Datum | Värde`) and label/value pairs under a one-cell header are not read as indicator tables',
  'vasteras-2018-barometern-valfard: Låg inkomststandard!"Andel familjer som lever under nivån för lägsta rimliga standard" is no-target (outcome 3.3)':
    'a vertical time series (`Rad-id | Datum | Värde`) and label/value pairs under a one-cell header are not read as indicator tables',
  'vasteras-2018-barometern-valfard: Kommunens resultat!"Verksamhetens resultat kommun" is no-target (outcome 5.7)':
    'a vertical time series (`Rad-id | Datum | Värde`) and label/value pairs under a one-cell header are not read as indicator tables',
  'vasteras-barometern-luft-delmal: Luft (tidigare)!"Luft" is a other goal with 0 indicators, ej-bedomd, printed helt':
    'delmål with the site’s own verdict phrases (`Målet ser ut att uppnås`, run into the name in the earlier edition) in a table without figures are not read as goals',
  'vasteras-barometern-luft-delmal: Luft (tidigare)!"Målet ser ut att uppnåsPartiklar i utomhusluft" is a other goal under "Luft" with 0 indicators, ej-bedomd, printed helt':
    'delmål with the site’s own verdict phrases (`Målet ser ut att uppnås`, run into the name in the earlier edition) in a table without figures are not read as goals',
  'vasteras-barometern-luft-delmal: Luft (tidigare)!"Målet har uppnåttsSvaveldioxid i utomhusluft" is a other goal under "Luft" with 0 indicators, ej-bedomd, printed helt':
    'delmål with the site’s own verdict phrases (`Målet ser ut att uppnås`, run into the name in the earlier edition) in a table without figures are not read as goals',
  'vasteras-barometern-luft-delmal: Luft (tidigare)!"Målet har uppnåttsKvävedioxid i utomhusluft" is a other goal under "Luft" with 0 indicators, ej-bedomd, printed helt':
    'delmål with the site’s own verdict phrases (`Målet ser ut att uppnås`, run into the name in the earlier edition) in a table without figures are not read as goals',
  'vasteras-barometern-luft-delmal: Luft (tidigare)!"Målet ser ut att uppnåsBensen i utomhusluft" is a other goal under "Luft" with 0 indicators, ej-bedomd, printed helt':
    'delmål with the site’s own verdict phrases (`Målet ser ut att uppnås`, run into the name in the earlier edition) in a table without figures are not read as goals',
  'vasteras-barometern-luft-delmal: Luft (senare)!"Luft" is a other goal with 0 indicators, ej-bedomd, printed helt':
    'delmål with the site’s own verdict phrases (`Målet ser ut att uppnås`, run into the name in the earlier edition) in a table without figures are not read as goals',
  'vasteras-barometern-luft-delmal: Luft (senare)!"Partiklar i utomhusluft" is a other goal under "Luft" with 0 indicators, ej-bedomd, printed helt':
    'delmål with the site’s own verdict phrases (`Målet ser ut att uppnås`, run into the name in the earlier edition) in a table without figures are not read as goals',
  'vasteras-barometern-luft-delmal: Luft (senare)!"Svaveldioxid i utomhusluft" is a other goal under "Luft" with 0 indicators, ej-bedomd, printed helt':
    'delmål with the site’s own verdict phrases (`Målet ser ut att uppnås`, run into the name in the earlier edition) in a table without figures are not read as goals',
  'vasteras-barometern-luft-delmal: Luft (senare)!"Anläggningar med HCFC" is a other goal under "Luft" with 0 indicators, ej-bedomd, printed helt':
    'delmål with the site’s own verdict phrases (`Målet ser ut att uppnås`, run into the name in the earlier edition) in a table without figures are not read as goals',
  'vasteras-barometern-luft-delmal: Luft (senare)!"Kvävedioxid i utomhusluft" is a other goal under "Luft" with 0 indicators, ej-bedomd, printed helt':
    'delmål with the site’s own verdict phrases (`Målet ser ut att uppnås`, run into the name in the earlier edition) in a table without figures are not read as goals',
  'vasteras-barometern-luft-delmal: Luft (senare)!"Bensen i utomhusluft" is a other goal under "Luft" with 0 indicators, ej-bedomd, printed helt':
    'delmål with the site’s own verdict phrases (`Målet ser ut att uppnås`, run into the name in the earlier edition) in a table without figures are not read as goals',
};

const scored = new Map<string, Promise<Scored[]>>();

/** The fixture's verdicts, read and analysed once for all its tests. */
function verdicts(fx: WildFixture): Promise<Scored[]> {
  let p = scored.get(fx.slug);
  if (!p) {
    p = loadWild(fx).then((g) => scoreFixture(fx, g.report, g.snapshot));
    scored.set(fx.slug, p);
  }
  return p;
}

const names: string[] = [];
for (const fx of WILD_FIXTURES) {
  listExpectations(fx).forEach((e, i) => {
    const name = `${fx.slug}: ${e.name}`;
    names.push(name);
    const gap = KNOWN_GAPS[name];
    (gap === undefined ? test : test.failing)(name, async () => {
      const v = (await verdicts(fx))[i];
      expect(v?.pass ? 'ok' : (v?.reason ?? 'not scored')).toBe('ok');
    });
  });
}

test('the corpus is listed: unique slugs, each with its workbook', () => {
  const slugs = WILD_FIXTURES.map((fx) => fx.slug);
  expect(slugs.filter((s, i) => slugs.indexOf(s) !== i)).toEqual([]);
  expect(slugs.filter((s) => !existsSync(wildPath(s)))).toEqual([]);
});

test('every known gap names an expectation of the corpus', () => {
  expect(Object.keys(KNOWN_GAPS).filter((k) => !names.includes(k))).toEqual([]);
});
