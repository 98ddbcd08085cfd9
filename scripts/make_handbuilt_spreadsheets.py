#!/usr/bin/env python3
"""Hand-built .xlsx and .ods packages for what LibreOffice will not write, into
Tests/Fixtures/spreadsheets/hand/ (outputs committed; read by SpreadsheetTests and
SpreadsheetCLITests). Standard library only (zipfile); deterministic (fixed dates).

  values.xlsx          shared strings with rich-text runs and a phonetic run, inline
                       strings, cells and rows without `r`, a gap in `r`, booleans, an
                       error, a formula with its cached value, dates (built-in 14, zh-TW
                       ROC formats `[$-404]e/m/d` and "民國"e"年"m"月"d"日"), a percentage
  date1904.xlsx        the 1904 date system
  formula_no_cache.xlsx a formula without a cached value (an error naming D3)
  填報表.xlsx          sheet 工作表1 with "abc" in D7 of a number column, and a 2nd sheet
  merged_header.xlsx   a two-row header with merged cells (mergeCells after the data)
  merged_header.ods    the same in ODS (number-columns-spanned / -rows-spanned)
  repeat_bomb.ods      16384 repeated empty columns x 1,048,576 repeated empty rows
  zip_bomb.xlsx        a worksheet entry of 96 MiB of spaces deflated to ~100 KB
  malformed.xlsx       a worksheet whose XML breaks off
  malformed.ods        content.xml with a mismatched tag
  damaged.xlsx         values.xlsx whose central directory points past the end of the
                       file (ZIPFoundation 0.9.20 traps on this without ZipStructure)
  long.xlsx            merged_header.xlsx's two-row header over 3,000 rows (a CSV of
                       many blocks; the merges found before the cells)
  long.ods             the same in ODS
  late_malformed.xlsx  long.xlsx's rows with "abc" in C10 (a reader error) and XML that
                       breaks at row 2990 (the conversion's error must win)
  late_formula.xlsx    long.xlsx's rows with a formula without a cached value in D2995
  unnumbered.xlsx      long.xlsx's rows, those after row 2000 without `r` (a second part
                       cut after it cannot number them: read on in one part)
  fake_merge.xlsx      40 rows, no merges, and a comment after the cells that looks like
                       <mergeCells> (the first pass is misled; the sheet is read again)
"""
import os
import zipfile

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "Fixtures", "spreadsheets", "hand")
DATE = (2026, 12, 5, 0, 0, 0)
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def write_zip(name, entries, stored=()):
    path = os.path.join(OUT, name)
    with zipfile.ZipFile(path, "w") as z:
        for entry, data in entries:
            info = zipfile.ZipInfo(entry, DATE)
            info.compress_type = zipfile.ZIP_STORED if entry in stored else zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def xlsx(name, sheets, shared=None, styles=None, date1904=False):
    """sheets: [(sheet name, worksheet xml body)]"""
    types = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">',
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>',
             '<Default Extension="xml" ContentType="application/xml"/>',
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>']
    for i, _ in enumerate(sheets):
        types.append(f'<Override PartName="/xl/worksheets/sheet{i+1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
    types.append("</Types>")
    rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    pr = '<workbookPr date1904="1"/>' if date1904 else ''
    wb = (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}">{pr}<sheets>'
          + "".join(f'<sheet name="{n}" sheetId="{i+1}" r:id="rId{i+1}"/>' for i, (n, _) in enumerate(sheets))
          + "</sheets></workbook>")
    wbrels = [f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{PKG}">']
    for i, _ in enumerate(sheets):
        wbrels.append(f'<Relationship Id="rId{i+1}" Type="{REL}/worksheet" Target="worksheets/sheet{i+1}.xml"/>')
    n = len(sheets)
    wbrels.append(f'<Relationship Id="rId{n+1}" Type="{REL}/styles" Target="styles.xml"/>')
    if shared is not None:
        wbrels.append(f'<Relationship Id="rId{n+2}" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>')
    wbrels.append("</Relationships>")
    styles = styles or f'<styleSheet xmlns="{MAIN}"><cellXfs count="1"><xf numFmtId="0"/></cellXfs></styleSheet>'
    entries = [("[Content_Types].xml", "".join(types)), ("_rels/.rels", rels), ("xl/workbook.xml", wb),
               ("xl/_rels/workbook.xml.rels", "".join(wbrels)),
               ("xl/styles.xml", '<?xml version="1.0" encoding="UTF-8"?>' + styles)]
    if shared is not None:
        entries.append(("xl/sharedStrings.xml", f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">{shared}</sst>'))
    for i, (_, body) in enumerate(sheets):
        if isinstance(body, bytes):
            entries.append((f"xl/worksheets/sheet{i+1}.xml", body))
        else:
            entries.append((f"xl/worksheets/sheet{i+1}.xml",
                            f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}" xmlns:r="{REL}">{body}</worksheet>'))
    write_zip(name, entries)


OFFICE = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3"')


def ods(name, tables_xml, raw_content=None):
    manifest = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    content = raw_content or (f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {OFFICE}>'
                              f'<office:body><office:spreadsheet>{tables_xml}</office:spreadsheet></office:body>'
                              '</office:document-content>')
    write_zip(name, [("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                     ("META-INF/manifest.xml", manifest), ("content.xml", content)], stored=("mimetype",))


def c(ref, v, t=None, s=None):
    attrs = (f' r="{ref}"' if ref else "") + (f' t="{t}"' if t else "") + (f' s="{s}"' if s is not None else "")
    return f"<c{attrs}><v>{v}</v></c>"


def inline(ref, text):
    r = f' r="{ref}"' if ref else ""
    return f'<c{r} t="inlineStr"><is><t>{text}</t></is></c>'


def main():
    os.makedirs(OUT, exist_ok=True)
    # values.xlsx
    shared = ("<si><t>指標</t></si>"                                   # 0
              "<si><r><t>起訴</t></r><r><rPr><b/></rPr><t>貪瀆</t></r><t>案件</t>"
              "<rPh sb=\"0\" eb=\"2\"><t>キソ</t></rPh></si>"          # 1: 起訴貪瀆案件
              "<si><t xml:space=\"preserve\">a, \"quoted\"</t></si>")  # 2
    styles = (f'<styleSheet xmlns="{MAIN}"><numFmts count="2">'
              '<numFmt numFmtId="164" formatCode="[$-404]e/m/d"/>'
              '<numFmt numFmtId="165" formatCode="&quot;民國&quot;e&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
              '<numFmt numFmtId="166" formatCode="0.00E+00"/>'
              '</numFmts><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
              '<xf numFmtId="165"/><xf numFmtId="10"/><xf numFmtId="166"/></cellXfs></styleSheet>')
    rows = [
        '<row r="1">' + c("A1", 0, "s") + inline("B1", "類型") + inline(None, "值") + inline(None, "說明") + "</row>",
        '<row r="2">' + c("A2", 1, "s") + inline("B2", "number") + c("C2", "1234") + c("D2", 2, "s") + "</row>",
        '<row>' + c(None, 1, "s") + inline(None, "fraction") + c(None, "0.1") + "</row>",  # row 3, no r
        '<row r="5">' + inline("A5", "gap") + inline("B5", "exponent") + c("C5", "1.2345E-2") + "</row>",
        '<row r="6">' + inline("A6", "bool") + inline("B6", "boolean") + c("C6", "1", "b") + c("D6", "0", "b") + "</row>",
        '<row r="7">' + inline("A7", "err") + inline("B7", "error") + c("C7", "#DIV/0!", "e") + "</row>",
        '<row r="8">' + inline("A8", "formula") + inline("B8", "cached") + '<c r="C8"><f>C2*2</f><v>2468</v></c>'
        + '<c r="D8" t="str"><f>B8&amp;"!"</f><v>cached!</v></c></row>',
        '<row r="9">' + inline("A9", "date") + inline("B9", "builtin 14") + c("C9", "45170", s=1) + c("D9", "60", s=1) + "</row>",
        '<row r="10">' + inline("A10", "date") + inline("B10", "ROC e/m/d") + c("C10", "45170.75", s=2)
        + c("D10", "45170", s=3) + "</row>",
        '<row r="11">' + inline("A11", "percent") + inline("B11", "0.00%") + c("C11", "0.354", s=4)
        + c("D11", "1234.5", s=5) + "</row>",
        '<row r="12">' + inline("A12", "wide") + '<c r="XFD12"><v>7</v></c></row>',
    ]
    xlsx("values.xlsx", [("值", "<sheetData>" + "".join(rows) + "</sheetData>")], shared=shared, styles=styles)

    # date1904.xlsx: 1904 system, built-in date format 14
    styles14 = f'<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>'
    rows = ['<row r="1">' + inline("A1", "serial") + inline("B1", "date") + "</row>",
            '<row r="2">' + c("A2", "1") + c("B2", "1", s=1) + "</row>",
            '<row r="3">' + c("A3", "43708") + c("B3", "43708", s=1) + "</row>"]
    xlsx("date1904.xlsx", [("Sheet1", "<sheetData>" + "".join(rows) + "</sheetData>")], styles=styles14, date1904=True)

    # formula_no_cache.xlsx
    rows = ['<row r="1">' + inline("A1", "機關") + inline("B1", "年度") + inline("C1", "目標值") + inline("D1", "實際值") + "</row>",
            '<row r="2">' + inline("A2", "北檢") + c("B2", "112") + c("C2", "10") + c("D2", "8") + "</row>",
            '<row r="3">' + inline("A3", "中檢") + c("B3", "112") + c("C3", "10") + '<c r="D3"><f>D2+1</f></c></row>']
    xlsx("formula_no_cache.xlsx", [("Sheet1", "<sheetData>" + "".join(rows) + "</sheetData>")])

    # 填報表.xlsx: a title line, the header on row 3, "abc" in D7
    rows = ['<row r="1">' + inline("A1", "112年度 起訴案件 填報表") + "</row>",
            '<row r="3">' + inline("A3", "機關") + inline("B3", "年度") + inline("C3", "目標值") + inline("D3", "實際值") + "</row>"]
    for r, (office, target, actual) in enumerate([("北檢", 10, "8"), ("士檢", 9, "9"), ("板檢", 8, "7"),
                                                   ("桃檢", 7, None)], start=4):
        cell = c(f"D{r}", actual) if actual else inline(f"D{r}", "abc")
        rows.append(f'<row r="{r}">' + inline(f"A{r}", office) + c(f"B{r}", "112") + c(f"C{r}", str(target)) + cell + "</row>")
    second = ['<row r="1">' + inline("A1", "機關") + inline("B1", "年度") + inline("C1", "實際值") + "</row>",
              '<row r="2">' + inline("A2", "北檢") + c("B2", "113") + c("C2", "5") + "</row>"]
    xlsx("填報表.xlsx", [("工作表1", "<sheetData>" + "".join(rows) + "</sheetData>"),
                         ("工作表2", "<sheetData>" + "".join(second) + "</sheetData>")])

    # merged_header.xlsx: 地檢署 and 年度 over rows 1-2, 起訴案件 over C1:D1
    rows = ['<row r="1">' + inline("A1", "地檢署") + inline("B1", "年度") + inline("C1", "起訴案件") + "</row>",
            '<row r="2">' + inline("C2", "實際值") + inline("D2", "目標值") + "</row>",
            '<row r="3">' + inline("A3", "臺灣臺北地方檢察署") + c("B3", "112") + c("C3", "30") + c("D3", "28") + "</row>",
            '<row r="4">' + inline("A4", "臺灣士林地方檢察署") + c("B4", "112") + c("C4", "12") + c("D4", "15") + "</row>"]
    merges = '<mergeCells count="3"><mergeCell ref="A1:A2"/><mergeCell ref="B1:B2"/><mergeCell ref="C1:D1"/></mergeCells>'
    xlsx("merged_header.xlsx", [("Sheet1", "<sheetData>" + "".join(rows) + "</sheetData>" + merges)])

    def cell(text=None, value=None, extra=""):
        if value is not None:
            return f'<table:table-cell office:value-type="float" office:value="{value}"{extra}><text:p>{value}</text:p></table:table-cell>'
        if text is not None:
            return f'<table:table-cell office:value-type="string"{extra}><text:p>{text}</text:p></table:table-cell>'
        return f"<table:table-cell{extra}/>"

    covered = "<table:covered-table-cell/>"
    merged_rows = (
        "<table:table-row>" + cell("地檢署", extra=' table:number-rows-spanned="2"')
        + cell("年度", extra=' table:number-rows-spanned="2"')
        + cell("起訴案件", extra=' table:number-columns-spanned="2"') + covered + "</table:table-row>"
        + "<table:table-row>" + covered + covered + cell("實際值") + cell("目標值") + "</table:table-row>"
        + "<table:table-row>" + cell("臺灣臺北地方檢察署") + cell(value=112) + cell(value=30) + cell(value=28) + "</table:table-row>"
        + "<table:table-row>" + cell("臺灣士林地方檢察署") + cell(value=112) + cell(value=12) + cell(value=15) + "</table:table-row>")
    ods("merged_header.ods", f'<table:table table:name="Sheet1">{merged_rows}</table:table>')

    # repeat_bomb.ods: a small table, every row padded to 16384 columns, then 1,048,576
    # repeated empty rows of 16384 repeated empty cells; then a second sheet.
    pad = '<table:table-cell table:number-columns-repeated="16384"/>'
    rows = ("<table:table-row>" + cell("機關") + cell("年度") + cell("實際值") + pad + "</table:table-row>"
            + "<table:table-row>" + cell("北檢") + cell(value=112) + cell(value=8) + pad + "</table:table-row>"
            + '<table:table-row table:number-rows-repeated="3">' + pad + "</table:table-row>"
            + "<table:table-row>" + cell("中檢") + cell(value=112) + cell(value=5) + pad + "</table:table-row>"
            + f'<table:table-row table:number-rows-repeated="1048576">{pad}</table:table-row>')
    ods("repeat_bomb.ods", '<table:table-column table:number-columns-repeated="16384"/>'.join(
        ['<table:table table:name="Sheet1">', rows + "</table:table>"])
        + '<table:table table:name="Sheet2"><table:table-row>' + cell("x") + "</table:table-row></table:table>")

    # zip_bomb.xlsx: 96 MiB of spaces inside sheetData
    body = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>'.encode()
            + b" " * (96 << 20) + b"</sheetData></worksheet>")
    xlsx("zip_bomb.xlsx", [("Sheet1", body)])

    # malformed.xlsx / malformed.ods
    xlsx("malformed.xlsx", [("Sheet1", f'<?xml version="1.0"?><worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c>'.encode())])
    ods("malformed.ods", None, raw_content=(f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {OFFICE}>'
                                            '<office:body><office:spreadsheet><table:table table:name="S">'
                                            '<table:table-row><table:table-cell></table:table-row>'
                                            '</table:table></office:spreadsheet></office:body></office:document-content>'))

    # long.xlsx / long.ods: the merged two-row header, then 3,000 rows of 40 offices.
    offices = ["臺灣臺北地方檢察署", "臺灣士林地方檢察署", "臺灣新北地方檢察署", "臺灣桃園地方檢察署"]
    long_rows = [(offices[i % 4], 100 + i // 4 % 14, 1000 + i * 7 % 9000, 1200 + i * 11 % 9000) for i in range(3000)]

    def long_sheet(rows, bad_cell=None, break_at=None, formula_at=None, numbered_to=None):
        out = ['<row r="1">' + inline("A1", "地檢署") + inline("B1", "年度") + inline("C1", "起訴案件") + "</row>",
               '<row r="2">' + inline("C2", "實際值") + inline("D2", "目標值") + "</row>"]
        for r, (office, year, actual, target) in enumerate(rows, start=3):
            if r == break_at:
                out.append(f'<row r="{r}"><c r="A{r}"><v>1</c></row>')
                break
            d = f'<c r="D{r}"><f>C{r}+1</f></c>' if r == formula_at else c(f"D{r}", str(target))
            cc = inline(f"C{r}", "abc") if r == bad_cell else c(f"C{r}", str(actual))
            number = f' r="{r}"' if numbered_to is None or r <= numbered_to else ""
            out.append(f'<row{number}>' + inline(f"A{r}", office) + c(f"B{r}", str(year)) + cc + d + "</row>")
        return "<sheetData>" + "".join(out) + "</sheetData>" + merges

    xlsx("long.xlsx", [("Sheet1", long_sheet(long_rows))])
    xlsx("late_malformed.xlsx", [("Sheet1", long_sheet(long_rows, bad_cell=10, break_at=2990))])
    xlsx("late_formula.xlsx", [("Sheet1", long_sheet(long_rows, formula_at=2995))])
    xlsx("unnumbered.xlsx", [("Sheet1", long_sheet(long_rows, numbered_to=2000))])
    ods_rows = merged_rows.split("<table:table-row>" + cell("臺灣臺北地方檢察署"))[0] + "".join(
        "<table:table-row>" + cell(office) + cell(value=year) + cell(value=actual) + cell(value=target)
        + "</table:table-row>" for office, year, actual, target in long_rows)
    ods("long.ods", f'<table:table table:name="Sheet1">{ods_rows}</table:table>')

    # fake_merge.xlsx: 機關,年度,實際值 over 40 rows; a comment holding a <mergeCells>
    # that would spread 實際值 over D1.
    rows = ['<row r="1">' + inline("A1", "機關") + inline("B1", "年度") + inline("C1", "實際值") + "</row>"]
    for r in range(2, 42):
        rows.append(f'<row r="{r}">' + inline(f"A{r}", offices[r % 4]) + c(f"B{r}", "112") + c(f"C{r}", str(r)) + "</row>")
    fake = '<!-- <mergeCells count="1"><mergeCell ref="C1:D1"/></mergeCells> -->'
    xlsx("fake_merge.xlsx", [("Sheet1", "<sheetData>" + "".join(rows) + "</sheetData>" + fake)])

    # damaged.xlsx: the first central directory entry's local header offset past the end.
    data = bytearray(open(os.path.join(OUT, "values.xlsx"), "rb").read())
    central = data.index(b"PK\x01\x02")
    data[central + 42:central + 46] = (len(data) + 1000).to_bytes(4, "little")
    open(os.path.join(OUT, "damaged.xlsx"), "wb").write(bytes(data))


if __name__ == "__main__":
    main()
