#!/usr/bin/env python3
"""Rebuild the PDF fixtures with LibreOffice (Debian: libreoffice-writer-nogui,
fonts-noto-cjk; pdftoppm from poppler-utils for the scanned page).

Each fixture is written as a flat ODT document (its paragraphs, tables, a
running header and a page-number footer) and converted to PDF; LibreOffice
embeds the Chinese font as a CID font (Identity-H) with a ToUnicode map, as
Word and WPS do. Next to each extraction fixture in tests/data/pdf/ goes
`<name>.expected.txt`: the paragraphs and table rows the extractor should
give, one per line. The PDFs are committed, so the tests need no LibreOffice.

usage: scripts/make-pdf-fixtures.py
"""
import base64
import html
import os
import shutil
import subprocess
import tempfile

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
# A TrueType font is embedded as a CID font (Identity-H) with a ToUnicode map,
# as Word and WPS embed SimSun; an OpenType/CFF one as a Type 1 font with a
# ToUnicode map. The fixtures use both.
TRUETYPE = "WenQuanYi Micro Hei"
CFF = "Noto Serif CJK SC"
FONT = "@FONT@"

HEAD = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls>
 <style:font-face style:name="{FONT}" svg:font-family="'{FONT}'"/>
</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties fo:text-align="justify"/>
  <style:text-properties style:font-name="{FONT}" fo:font-size="14pt"
   style:font-name-asian="{FONT}" style:font-size-asian="14pt"
   fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/>
 </style:default-style>
 <style:style style:name="Body" style:family="paragraph">
  <style:paragraph-properties fo:text-indent="28pt" fo:line-height="140%"/>
 </style:style>
 <style:style style:name="Heading" style:family="paragraph">
  <style:paragraph-properties fo:text-indent="28pt" fo:margin-top="4pt" fo:text-align="start"/>
  <style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>
 </style:style>
 <style:style style:name="Title" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-bottom="12pt"/>
  <style:text-properties fo:font-size="18pt" style:font-size-asian="18pt"/>
 </style:style>
 <style:style style:name="Caption" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center" fo:margin-top="6pt"/>
 </style:style>
 <style:style style:name="Cell" style:family="paragraph">
  <style:paragraph-properties fo:text-align="start"/>
  <style:text-properties fo:font-size="12pt" style:font-size-asian="12pt"/>
 </style:style>
 <style:style style:name="CenteredCell" style:family="paragraph" style:parent-style-name="Cell">
  <style:paragraph-properties fo:text-align="center"/>
 </style:style>
 <style:style style:name="Furniture" style:family="paragraph">
  <style:paragraph-properties fo:text-align="center"/>
  <style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/>
 </style:style>
</office:styles>
<office:automatic-styles>
 <style:page-layout style:name="pm1">
  <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
   fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.8cm" fo:margin-right="2.6cm"/>
  <style:header-style><style:header-footer-properties fo:min-height="0cm" fo:margin-bottom="0.8cm"/></style:header-style>
  <style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.8cm"/></style:footer-style>
 </style:page-layout>
 <style:style style:name="TwoColumns" style:family="section">
  <style:section-properties><style:columns fo:column-count="2" fo:column-gap="1cm"/></style:section-properties>
 </style:style>
 <style:style style:name="Middle" style:family="table-cell">
  <style:table-cell-properties style:vertical-align="middle"/>
 </style:style>
 <style:style style:name="Sup" style:family="text">
  <style:text-properties style:text-position="super 58%"/>
 </style:style>
</office:automatic-styles>
"""


def master(header, footer):
    parts = ['<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">']
    if header:
        parts.append(f'<style:header><text:p text:style-name="Furniture">{html.escape(header)}</text:p></style:header>')
    if footer:
        parts.append('<style:footer><text:p text:style-name="Furniture">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer>')
    parts.append("</style:master-page></office:master-styles>")
    return "".join(parts)


def para(style, text):
    # `^1` marks a superscript footnote reference.
    body = html.escape(text).replace("^1", '<text:span text:style-name="Sup">1</text:span>')
    return f'<text:p text:style-name="{style}">{body}</text:p>'


def table(rows):
    """A table; a cell is its text, or a dict {"text", "rows", "cols"} for a
    merged cell (centred, vertically in the middle), or None where a merged
    cell covers the grid."""
    out = ['<table:table table:name="T1">',
           f'<table:table-column table:number-columns-repeated="{len(rows[0])}"/>']
    for r in rows:
        out.append("<table:table-row>")
        for c in r:
            if c is None:
                out.append("<table:covered-table-cell/>")
            elif isinstance(c, dict):
                out.append(f'<table:table-cell table:style-name="Middle" office:value-type="string" '
                           f'table:number-rows-spanned="{c.get("rows", 1)}" '
                           f'table:number-columns-spanned="{c.get("cols", 1)}">'
                           f'{para("CenteredCell", c["text"])}</table:table-cell>')
            else:
                out.append(f'<table:table-cell office:value-type="string">{para("Cell", c)}</table:table-cell>')
        out.append("</table:table-row>")
    out.append("</table:table>")
    return "".join(out)


def document(blocks, header=None, footer=False, font=TRUETYPE):
    body = []
    for kind, value in blocks:
        if kind == "table":
            body.append(table(value))
        elif kind == "columns":
            body.append('<text:section text:style-name="TwoColumns" text:name="S1">')
            body.extend(para("Body", p) for p in value)
            body.append("</text:section>")
        elif kind == "image":
            body.append('<text:p><draw:frame svg:width="15cm" svg:height="21cm" text:anchor-type="as-char">'
                        f'<draw:image><office:binary-data>{value}</office:binary-data></draw:image></draw:frame></text:p>')
        else:
            body.append(para(kind, value))
    return HEAD.replace(FONT, font) + master(header, footer) + "<office:body><office:text>" + "".join(body) + "</office:text></office:body></office:document>\n"


def convert(fodt_text, name, tmp):
    src = os.path.join(tmp, name + ".fodt")
    with open(src, "w", encoding="utf-8") as f:
        f.write(fodt_text)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, src],
                   check=True, stdout=subprocess.DEVNULL)
    return os.path.join(tmp, name + ".pdf")


def expected_lines(blocks):
    out = []
    for kind, value in blocks:
        if kind == "table":
            out.extend("\t".join(r) for r in value)
        elif kind == "columns":
            out.extend(value)
        elif kind != "image":
            out.append(value.replace("^1", ""))
    return out


# Sentences that make paragraphs long enough to wrap over several lines.
WORK = [
    "全年全市医疗卫生机构总诊疗人次达到1523.6万人次，比上年增长4.2%，其中基层医疗卫生机构诊疗人次占比达到56.3%。",
    "持续推进紧密型县域医共体建设，县域内就诊率达到91.5%，群众看病就医更加方便。",
    "深入实施健康城市建设行动，累计建成健康社区86个、健康学校124所、健康企业37家。",
    "扎实做好重点人群健康管理，65岁及以上老年人健康管理率达到72.8%，高血压患者规范管理率达到78.4%。",
    "加强医疗卫生人才队伍建设，全年新招录医学专业毕业生312名，培训基层医务人员4860人次。",
]


def long_paragraph(k, n=4):
    return "".join(WORK[(k + i) % len(WORK)] for i in range(n))


TITLE = "某市卫生健康委员会2024年工作总结"

REPORT = [
    ("Title", TITLE),
    ("Body", "2024年，市卫生健康委员会在市委市政府的坚强领导下，坚持以人民健康为中心，全市卫生健康事业取得新的进展。现将有关情况报告如下。"),
    ("Heading", "一、主要工作完成情况"),
    ("Heading", "（一）医疗服务能力持续提升"),
    ("Body", long_paragraph(0, 6)),
    ("Body", "全市常住人口^1为1761.48万人，每千人口执业医师数达到3.4人。"),
    ("Body", long_paragraph(1, 10)),
    ("Caption", "表1 2024年医疗卫生机构诊疗人次"),
    ("table", [["机构类别", "诊疗人次（万人次）", "占比（%）"],
               ["医院", "665.7", "43.7"],
               ["基层医疗卫生机构", "857.9", "56.3"],
               ["合计", "1523.6", "100.0"]]),
    ("Heading", "（二）公共卫生服务体系不断完善"),
    ("Body", long_paragraph(2, 8)),
    ("Heading", "二、存在的问题"),
    ("Body", long_paragraph(3, 5)),
    ("Heading", "三、下一步工作安排"),
    ("Body", long_paragraph(4, 6)),
]

COLUMNS = [
    ("Title", "医疗卫生服务情况简报"),
    ("columns", [long_paragraph(0, 3), long_paragraph(1, 3), long_paragraph(2, 2), long_paragraph(3, 3)]),
    ("Body", "以上情况特此报告，请各单位结合实际，认真抓好各项工作的落实。"),
]

DUPLICATE = [
    ("Title", "某县卫生健康局2024年工作总结"),
    ("Heading", "一、主要工作"),
    ("Body", long_paragraph(0, 8)),
    ("Heading", "二、存在问题"),
    ("Body", long_paragraph(1, 14)),
    ("Heading", "二、下一步打算"),
    ("Body", long_paragraph(2, 3)),
]

TOTAL_ROW = [
    ("Title", "2024年医疗卫生机构诊疗人次"),
    ("Body", "全市各类医疗卫生机构诊疗人次如下表。"),
    ("Caption", "表1 各类机构诊疗人次（万人次）"),
    ("table", [["机构类别", "诊疗人次"],
               ["医院", "665.7"],
               ["基层医疗卫生机构", "857.9"],
               ["专业公共卫生机构", "41.2"],
               ["合计", "1523.6"]]),
]

# A statistical bulletin's tables as the PDF reader should give them. Table 1:
# short row labels letter-spaced with spaces (「#粮　　食」), which split the label
# into pieces with wide gaps; the pieces are one cell (「#粮食」), and the long
# labels (「四、生活用品及服务」) stay rows. Table 2: a stub cell spanning the
# two header rows (「年龄组」) sits on a baseline of its own between them; it is
# a row of its own in its column, and the header line above it stays in the
# table (a merged cell in its first column, as Word tables are written).
CPI = [("指标", "上年=100", "比上年涨跌（%）"),
       ("居民消费价格", "100.1", "0.1"),
       ("一、食品烟酒", "99.2", "-0.8"),
       ("#粮\u3000\u3000食", "100.9", "0.9"),
       ("#鲜\u3000\u3000菜", "97.5", "-2.5"),
       ("二、衣着", "101.2", "1.2"),
       ("三、居住", "99.9", "-0.1"),
       ("四、生活用品及服务", "100.3", "0.3"),
       ("五、交通通信", "97.6", "-2.4"),
       ("六、教育文化娱乐", "101.5", "1.5"),
       ("七、医疗保健", "100.6", "0.6"),
       ("八、其他用品及服务", "102.1", "2.1")]
CHILDREN_HEAD = [[{"text": "年龄组", "rows": 2}, {"text": "不同年龄组户籍儿童", "cols": 2}, None,
                  {"text": "不同年龄组户籍儿童性别比", "cols": 2}, None],
                 [None, "人数（万人）", "比重（%）", "2015年", "2020年"]]
CHILDREN = [["0-5岁", "45.6", "38.2", "112.3", "110.5"],
            ["6-11岁", "42.1", "35.3", "113.0", "111.2"],
            ["12-17岁", "31.5", "26.5", "114.1", "112.6"]]
TABLES = [
    ("Title", "某市2024年统计公报（摘要）"),
    ("Heading", "一、居民消费价格"),
    ("Body", "全年居民消费价格比上年上涨0.1%。"),
    ("Caption", "表1 2024年居民消费价格指数"),
    ("table", [list(r) for r in CPI]),
    ("Heading", "二、户籍儿童"),
    ("Body", "年末全市户籍儿童119.2万人。"),
    ("Caption", "表2 2024年户籍儿童年龄构成"),
    ("table", CHILDREN_HEAD + CHILDREN),
    ("Body", "户籍儿童性别比继续下降。"),
]
TABLES_EXPECTED = ([TABLES[i][1] for i in range(4)]
                   + ["\t".join(c.replace("\u3000", "") for c in r) for r in CPI]
                   + [TABLES[i][1] for i in range(5, 8)]
                   + ["\t不同年龄组户籍儿童\t\t不同年龄组户籍儿童性别比\t",
                      "年龄组\t\t\t\t",
                      "\t人数（万人）\t比重（%）\t2015年\t2020年"]
                   + ["\t".join(r) for r in CHILDREN]
                   + [TABLES[9][1]])


def raw_pdf(pages, encoding):
    """A PDF written directly, with a composite (Type0) font that is not
    embedded, as some government PDFs carry: `encoding` is "Identity-H" (codes
    are glyph numbers, text only through the ToUnicode map written here) or
    "UniGB-UCS2-H" (codes are UCS-2, no ToUnicode map). `pages` is a list of
    pages, each a list of (x, y, size, text) lines in points from the bottom."""
    chars = sorted({c for page in pages for (_, _, _, t) in page for c in t})
    gid = {c: i + 1 for i, c in enumerate(chars)}

    def code(c):
        return gid[c] if encoding == "Identity-H" else ord(c)

    def width(c):
        return 1000 if ord(c) > 0x2E80 else 500

    objects = []

    def add(body):
        objects.append(body)
        return len(objects)

    cmap = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def",
            "1 begincodespacerange <0000> <FFFF> endcodespacerange"]
    for k in range(0, len(chars), 100):
        chunk = chars[k:k + 100]
        cmap.append(f"{len(chunk)} beginbfchar")
        cmap += [f"<{gid[c]:04X}> <{ord(c):04X}>" for c in chunk]
        cmap.append("endbfchar")
    cmap.append("endcmap CMapName currentdict /CMap defineresource pop end end")
    cmap_data = "\n".join(cmap).encode()
    to_unicode = add(b"<< /Length %d >>\nstream\n" % len(cmap_data) + cmap_data + b"\nendstream")
    widths = " ".join(f"{code(c)} [{width(c)}]" for c in chars)
    descendant = add(("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /SimSun "
                      "/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
                      f"/DW 1000 /W [{widths}] >>").encode())
    font = (f"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /{encoding} "
            f"/DescendantFonts [{descendant} 0 R]")
    if encoding == "Identity-H":
        font += f" /ToUnicode {to_unicode} 0 R"
    font_id = add((font + " >>").encode())
    page_ids = []
    pages_id = len(objects) + 2 * len(pages) + 1
    for page in pages:
        ops = []
        for (x, y, size, text) in page:
            hexcodes = "".join(f"{code(c):04X}" for c in text)
            ops.append(f"BT /F1 {size} Tf 1 0 0 1 {x} {y} Tm <{hexcodes}> Tj ET")
        data = "\n".join(ops).encode()
        content = add(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        page_ids.append(add((f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] "
                             f"/Resources << /Font << /F1 {font_id} 0 R >> >> /Contents {content} 0 R >>").encode()))
    kids = " ".join(f"{i} 0 R" for i in page_ids)
    assert add(f"<< /Type /Pages /Kids [{kids}] /Count {len(page_ids)} >>".encode()) == pages_id
    catalog = add(f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode())
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


def set_lines(paragraphs, header, per_line=28, size=14, lines_per_page=12):
    """Lay paragraphs out as a 公文 page does: 28 characters a line, a two-character
    indent on each paragraph's first line, a running header and a page number."""
    rows = []
    for p in paragraphs:
        row, used = "\u3000\u3000", 2.0
        for c in p:
            w = 1.0 if ord(c) > 0x2E80 else 0.5
            if used + w > per_line:
                rows.append(row)
                row, used = "", 0.0
            row += c
            used += w
        rows.append(row)
    pages = []
    for n, k in enumerate(range(0, len(rows), lines_per_page), 1):
        page = [(200, 800, 10.5, header)]
        for i, row in enumerate(rows[k:k + lines_per_page]):
            indent = len(row) - len(row.lstrip("\u3000"))
            page.append((100 + indent * size, 740 - i * 1.6 * size, size, row.lstrip("\u3000")))
        page.append((290, 50, 10.5, f"— {n} —"))
        pages.append(page)
    return pages


CID_TEXT = [
    "2024年，全县卫生健康系统坚持以人民健康为中心，各项工作取得新进展。" + WORK[0],
    WORK[1] + WORK[2] + WORK[3],
    "全年完成基本公共卫生服务项目考核，综合得分92.5分，位列全市第二。",
    WORK[4] + WORK[0] + WORK[1] + WORK[2],
]


def main():
    tmp = tempfile.mkdtemp()
    try:
        data = os.path.join(ROOT, "tests", "data", "pdf")
        os.makedirs(data, exist_ok=True)
        made = {}
        for name, blocks, header, footer in [
            ("report", REPORT, TITLE, True),
            ("columns", COLUMNS, None, True),
        ]:
            font = CFF if name == "columns" else TRUETYPE
            pdf = convert(document(blocks, header, footer, font), name, tmp)
            shutil.copy(pdf, os.path.join(data, name + ".pdf"))
            with open(os.path.join(data, name + ".expected.txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(expected_lines(blocks)) + "\n")
            made[name] = pdf
        pdf = convert(document(TABLES, None, True), "tables", tmp)
        shutil.copy(pdf, os.path.join(data, "tables.pdf"))
        with open(os.path.join(data, "tables.expected.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(TABLES_EXPECTED) + "\n")
        for name, encoding in [("cid-identity", "Identity-H"), ("cid-ucs2", "UniGB-UCS2-H")]:
            with open(os.path.join(data, name + ".pdf"), "wb") as f:
                f.write(raw_pdf(set_lines(CID_TEXT, "某县卫生健康局工作简报"), encoding))
            with open(os.path.join(data, name + ".expected.txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(CID_TEXT) + "\n")
        # A scanned page: page 1 of the report as a picture, no text layer.
        subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "40", "-png", made["report"],
                        os.path.join(tmp, "page")], check=True)
        png = [p for p in os.listdir(tmp) if p.startswith("page") and p.endswith(".png")][0]
        with open(os.path.join(tmp, png), "rb") as f:
            picture = base64.b64encode(f.read()).decode()
        pdf = convert(document([("image", picture)]), "scanned", tmp)
        shutil.copy(pdf, os.path.join(data, "scanned.pdf"))
        for lint, blocks, header in [
            ("numbering-duplicate", DUPLICATE, "某县卫生健康局2024年工作总结"),
            ("table-total-row", TOTAL_ROW, None),
        ]:
            pdf = convert(document(blocks, header, True), lint, tmp)
            shutil.copy(pdf, os.path.join(ROOT, "fixtures", lint, "bad.pdf"))
        for p in sorted(os.listdir(data)):
            print("tests/data/pdf/" + p)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
