// One 9-box drawing: the Manajemen Talenta screen and the PDF leadership receives place every box in the same
// corner, in the PermenPANRB 3/2020 orientation (kinerja up the side, potensial along the bottom: box 9 top
// right, box 1 bottom left, box 4 top left, box 6 bottom right).

import { expect, test, watchConsole } from '../helpers/e2e-fixtures';
import { pdfInfo, pdfWords } from '../helpers/pdf-tools';

test.use({ demoEmployees: 300 });

/** Row and column (0-based, top-left first) of each box from the positions of their cells. */
function gridOf(positions: Map<number, { x: number; y: number }>): Map<number, { row: number; column: number }> {
  // Positions within a few points of each other are one row (or column).
  const lines = (values: number[]) => values.sort((a, b) => a - b).reduce<number[]>((found, v) => (found.length && v - found[found.length - 1] < 5 ? found : [...found, v]), []);
  const xs = lines([...positions.values()].map((c) => c.x));
  const ys = lines([...positions.values()].map((c) => c.y));
  expect(xs).toHaveLength(3);
  expect(ys).toHaveLength(3);
  const index = (starts: number[], v: number) => starts.filter((s) => s <= v + 0.01).length - 1;
  return new Map([...positions].map(([box, c]) => [box, { row: index(ys, c.y), column: index(xs, c.x) }]));
}

test('the 9-box puts every box in the same corner on screen and in the PDF', async ({ page, jenjang }) => {
  const problems = watchConsole(page);
  await jenjang.open(page, '#/talenta');
  await expect(page.getByRole('grid', { name: 'Kotak 9 talenta' })).toBeVisible();
  const onScreen = new Map<number, { x: number; y: number }>();
  for (let box = 1; box <= 9; box++) {
    const cell = (await page.getByTestId(`box-${box}`).boundingBox())!;
    onScreen.set(box, { x: cell.x + cell.width / 2, y: cell.y + cell.height / 2 });
  }
  const screen = gridOf(onScreen);

  await jenjang.open(page, '#/laporan/manajemen-talenta');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Ekspor PDF' }).click();
  const file = (await (await download).path())!;
  // Each box of the printed grid is headed "Kotak N": find the page that has all nine.
  let printed = new Map<number, { x: number; y: number }>();
  for (let p = 1; p <= pdfInfo(file).pages && printed.size < 9; p++) {
    const words = pdfWords(file, p);
    printed = new Map();
    words.forEach((word, i) => {
      const next = words[i + 1];
      if (word.text === 'Kotak' && next && /^[1-9]$/.test(next.text) && Math.abs(next.yMin - word.yMin) < 1) printed.set(Number(next.text), { x: word.xMin, y: word.yMin });
    });
  }
  expect([...printed.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  const paper = gridOf(printed);

  for (let box = 1; box <= 9; box++) expect({ box, ...paper.get(box) }).toEqual({ box, ...screen.get(box) });
  // PermenPANRB 3/2020 numbering (the default).
  expect(screen.get(9)).toEqual({ row: 0, column: 2 });
  expect(screen.get(4)).toEqual({ row: 0, column: 0 });
  expect(screen.get(1)).toEqual({ row: 2, column: 0 });
  expect(screen.get(6)).toEqual({ row: 2, column: 2 });
  expect(problems).toEqual([]);
});
