/**
 * Headers in the languages of the countries where recalled units were sold: found as the English
 * ones are, with the same refusal when two columns could hold the same thing.
 */
import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../src/batch/columns.js';

const roles = (header: string[]) => {
  const m = mapColumns(header, {}, 'inv.csv');
  const name = (i: number | undefined) => (i === undefined ? undefined : header[i]);
  return { model: name(m.model), serial: name(m.serial), country: name(m.country) };
};

describe('model, serial and country headers in other languages', () => {
  it.each([
    ['Japanese', ['商品名', '型番', 'シリアル番号', '販売国'], { model: '型番', serial: 'シリアル番号', country: '販売国' }],
    ['Japanese, 品番 and 製造番号', ['品番', '製造番号'], { model: '品番', serial: '製造番号', country: undefined }],
    ['Japanese, full-width シリアルＮｏ．', ['型番', 'シリアルＮｏ．'], { model: '型番', serial: 'シリアルＮｏ．', country: undefined }],
    ['Chinese, simplified', ['型号', '序列号', '国家'], { model: '型号', serial: '序列号', country: '国家' }],
    ['Chinese, traditional', ['型號', '序號'], { model: '型號', serial: '序號', country: undefined }],
    ['Chinese, traditional 序列號', ['型號', '序列號'], { model: '型號', serial: '序列號', country: undefined }],
    ['German', ['Artikel', 'Modellnummer', 'Seriennummer', 'Verkaufsland'], { model: 'Modellnummer', serial: 'Seriennummer', country: 'Verkaufsland' }],
    ['German, abbreviated', ['Modell-Nr.', 'Serien-Nr.', 'Land'], { model: 'Modell-Nr.', serial: 'Serien-Nr.', country: 'Land' }],
    ['French', ['Modèle', 'Numéro de série', 'Pays'], { model: 'Modèle', serial: 'Numéro de série', country: 'Pays' }],
    ['French, N° and no accents', ['Numero de modele', 'N° de serie'], { model: 'Numero de modele', serial: 'N° de serie', country: undefined }],
    ['French, N° de modèle', ['N° de modèle', 'N° de série'], { model: 'N° de modèle', serial: 'N° de série', country: undefined }],
    ['Spanish', ['Modelo', 'Número de serie', 'País'], { model: 'Modelo', serial: 'Número de serie', country: 'País' }],
    ['Spanish, Nº and no accents', ['Numero de modelo', 'Nº de serie', 'Pais'], { model: 'Numero de modelo', serial: 'Nº de serie', country: 'Pais' }],
  ])('%s', (_language, header, expected) => {
    expect(roles(header)).toEqual(expected);
  });

  it('a French "Référence" is not taken for the model: it is as often a shop\'s own SKU', () => {
    expect(() => mapColumns(['Référence', 'Numéro de série'], {}, 'inv.csv')).toThrow(/no model column found/u);
  });

  it('two columns that could hold the model, in two languages: refused, naming both', () => {
    expect(() => mapColumns(['型番', 'Model', 'シリアル番号'], {}, 'inv.csv')).toThrow(/several columns could hold the model: "型番" \(column 1\), "Model" \(column 2\)\. Name the right one with --model-column/u);
  });

  it('two serial columns, with and without the accent: refused, naming both', () => {
    expect(() => mapColumns(['Modèle', 'Numéro de série', 'Numero de serie'], {}, 'inv.csv')).toThrow(/several columns could hold the serial: "Numéro de série" \(column 2\), "Numero de serie" \(column 3\)/u);
  });

  it('two Japanese serial columns (製造番号 and シリアル番号): refused, naming both', () => {
    expect(() => mapColumns(['型番', '製造番号', 'シリアル番号'], {}, 'inv.csv')).toThrow(/several columns could hold the serial: "製造番号" \(column 2\), "シリアル番号" \(column 3\)/u);
  });

  it('a Japanese voiced mark is part of the letter: シリアルナンバー is a serial, シリアルナンハー is not', () => {
    expect(roles(['型番', 'シリアルナンバー']).serial).toBe('シリアルナンバー');
    expect(roles(['型番', 'シリアルナンハー']).serial).toBeUndefined();
  });
});
