/**
 * A one-sheet workbook with Ale's 4.1 Ekonomisk sammanställning (seed 000) as a finance person
 * keys it in: title with the unit, two-row header, costs negative. Its 2023 Totalt variance is
 * -7 000 tkr (Prognos -690 434 against Budget -683 434). For pane tests.
 */
import type { WorkbookSnapshot } from '../../domain/grid';

export const ALE_WORKBOOK: WorkbookSnapshot = {
  name: 'ale-test.xlsx',
  sheets: [
    {
      name: 'Ekonomi',
      origin: { row: 1, col: 1 },
      values: [
        ['4.1 Ekonomisk sammanställning (tkr)', null, null, null],
        ['Besluts/verksamhetsområden', 2023, null, 2024],
        [null, 'Prognos', 'Budget', 'Budget'],
        ['Centralt socialtjänstförvaltningen', -10882, -11507, -19094],
        ['Individ- och familjeomsorg', -151910, -148510, -155736],
        ['Funktionsstöd', -217231, -209491, -224748],
        ['Myndighet och specialiststöd', -79442, -79957, -87774],
        ['Äldreomsorg', -230969, -233969, -251115],
        ['Totalt', -690434, -683434, -738467],
      ],
      formats: [],
      merges: ['A2:A3', 'B2:C2'],
    },
  ],
};
