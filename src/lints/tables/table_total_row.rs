use crate::diagnostic::Finding;
use crate::document::claims::ClaimKind;
use crate::document::Document;
use crate::lints::arithmetic::report;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Adds up the rows a table's total row covers (合计, 总计, 小计, or an area total
    /// such as 全市 heading the counties below it) and compares the sum with the
    /// total, column by column. Tables are read from Word files, Markdown, rows of
    /// tab-separated or space-aligned cells, and `.csv`/`.tsv` files.
    ///
    /// Only counts and amounts are added: rates, shares, averages, ranks and years
    /// are left alone. Rows named 其中… are parts of the row above and are not
    /// added; subtotals nest inside a total. When the rows could add up in more than
    /// one way (every item, the subtotals, the items numbered 一、二、), the reading
    /// under which most columns add up is taken, and the columns that do not are
    /// the findings. A table whose total fits no column under any reading is
    /// reported only when its rows are plain peers under a 合计 row; an area total
    /// (全市) may cover places the table does not list. Where rows carry their own
    /// units (a 单位 column, or a unit in brackets after the name), a row in another
    /// unit than the total (万美元 under 亿元) is never one of its parts.
    ///
    /// Levels the layout does not indent are read too: rows numbered 一、 (or 一.)
    /// over unnumbered rows, rows numbered from 1. under an unnumbered row (held
    /// whole only where they add up in another column), and a row that the rows
    /// after it add up to in every count column but one. An unnamed first row
    /// larger than every row below it is the total. Rows spaced singly (PDF text)
    /// are a table when three or more lines are a name and the same count of
    /// numbers, and a line is a flattened table when three or more names, each
    /// followed by the same count of numbers, run to its end; in a column no
    /// header names, a row lying between the rows under
    /// it is their average, and the column is not added.
    ///
    /// Counts must add up exactly; amounts in 万元 or with decimals may be off by
    /// the rounding of every printed value.
    ///
    /// ## Why
    /// Annex tables carry most of a report's numbers, and a total that its own rows
    /// contradict is a copy error the reader cannot resolve.
    ///
    /// ## Example
    /// ```bad
    /// | 地区 | 任务数 | 完成数 |
    /// |---|---|---|
    /// | 甲县 | 120 | 118 |
    /// | 乙县 | 80 | 80 |
    /// | 合计 | 200 | 208 |
    /// ```
    /// ```good
    /// | 地区 | 任务数 | 完成数 |
    /// |---|---|---|
    /// | 甲县 | 120 | 118 |
    /// | 乙县 | 80 | 80 |
    /// | 合计 | 200 | 198 |
    /// ```
    pub struct TableTotalRow {}
    code = "RL210", name = "table-total-row", family = Tables, severity = Error,
    summary = "a table's 合计/小计 row is not the sum of the rows it covers",
}

impl Configurable for TableTotalRow {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(TableTotalRow {})
    }
}

impl Lint for TableTotalRow {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for c in doc
            .claims()
            .of(ClaimKind::TableTotalRow)
            .filter(|c| c.fails())
        {
            let Some(r) = c.assumed() else { continue };
            let message = format!(
                "表格「{}」为 {}，而{}相加为 {}",
                c.stated.label,
                c.stated.written,
                r.basis,
                report::computed(c, r)
            );
            out.extend(report::finding(&META, c, message, "核对该列各行的数字"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::{pass_fail, run};

    const HEAD: &str = "| 地区 | 任务数 | 完成数 |\n|---|---|---|\n";

    #[test]
    fn cases() {
        pass_fail(
            &TableTotalRow {},
            &[
                &format!("{HEAD}| 甲县 | 120 | 118 |\n| 乙县 | 80 | 80 |\n| 合计 | 200 | 198 |\n"),
                // The area total heads the rows.
                &format!("{HEAD}| 全市 | 200 | 198 |\n| 甲县 | 120 | 118 |\n| 乙县 | 80 | 80 |\n"),
                // A partial list under an area total.
                &format!("{HEAD}| 甲县 | 120 | 118 |\n| 乙县 | 80 | 80 |\n| 全市 | 900 | 850 |\n"),
                // Parts (其中) are not added; blanks count as nothing.
                &format!("{HEAD}| 甲县 | 120 | 118 |\n| 其中：城区 | 50 | 50 |\n| 乙县 | 80 | — |\n| 合计 | 200 | 118 |\n"),
                // Subtotals nest.
                &format!("{HEAD}| 一、医院 | | |\n| 甲 | 10 | 9 |\n| 乙 | 20 | 19 |\n| 小计 | 30 | 28 |\n| 二、卫生院 | | |\n| 丙 | 5 | 5 |\n| 小计 | 5 | 5 |\n| 合计 | 35 | 33 |\n"),
                // Rounded amounts.
                "| 项目 | 金额（万元） |\n|---|---|\n| 甲 | 1.24 |\n| 乙 | 2.35 |\n| 丙 | 3.46 |\n| 合计 | 7.06 |\n",
                // Rates are not added.
                "| 地区 | 完成率 |\n|---|---|\n| 甲 | 95% |\n| 乙 | 90% |\n| 合计 | 92.5% |\n",
                // Unmarked levels: 医院 heads the two rows under it.
                "| 机构 | 床位 |\n|---|---|\n| 医院 | 60 |\n| 三级医院 | 30 |\n| 二级医院 | 30 |\n| 基层机构 | 40 |\n| 合计 | 100 |\n",
                // Numbered levels: the top level adds up.
                &format!("{HEAD}| 一、医疗 | 30 | 28 |\n| （一）医院 | 20 | 19 |\n| （二）诊所 | 10 | 9 |\n| 二、公卫 | 5 | 5 |\n| 合计 | 35 | 33 |\n"),
                // A # list belongs to the unmarked row right above it: 各项贷款余额
                // is a peer of 各项存款余额 and heads #短期贷款 / 中长期贷款.
                "指标\t绝对数（亿元）\t增长（%）\n各项存款余额\t2130.36\t12.9\n#住户存款余额\t1562.57\t12.9\n各项贷款余额\t2321.11\t14.1\n#短期贷款\t428.57\t14.1\n中长期贷款\t1862.61\t13.3\n",
                // A nested # list flattened: 税收/非税 split 一般公共预算收入, not 财政总收入.
                "指标\t绝对数（亿元）\n财政总收入\t122.22\n#一般公共预算收入\t77.25\n#税收收入\t39.52\n非税收入\t37.73\n一般公共预算支出\t300.1\n#教育\t60.2\n",
                // Subject codes in a column of their own are no amounts.
                "205\t教育支出\t300\n20502\t普通教育\t200\n2050205\t高等教育\t200\n207\t文化支出\t100\n",
            ],
            &[
                &format!("{HEAD}| 甲县 | 120 | 118 |\n| 乙县 | 80 | 80 |\n| 合计 | 200 | 208 |\n"),
                "地区\t任务数\t完成数\n甲县\t120\t118\n乙县\t80\t80\n合计\t210\t198\n",
                "地区      任务数    完成数\n甲县      120       118\n乙县      80        80\n合　计    200       189\n",
                &format!("{HEAD}| 全市 | 200 | 189 |\n| 甲县 | 120 | 118 |\n| 乙县 | 80 | 80 |\n"),
                &format!("{HEAD}| 一、医院 | | |\n| 甲 | 10 | 9 |\n| 乙 | 20 | 19 |\n| 小计 | 30 | 27 |\n| 二、卫生院 | | |\n| 丙 | 5 | 5 |\n| 小计 | 5 | 5 |\n| 合计 | 35 | 33 |\n"),
                // The # part of the first total exceeds it.
                "指标\t绝对数（亿元）\t增长（%）\n各项存款余额\t1130.36\t12.9\n#住户存款余额\t1562.57\t12.9\n各项贷款余额\t2321.11\t14.1\n#短期贷款\t428.57\t14.1\n中长期贷款\t1862.61\t13.3\n",
            ],
        );
    }

    #[test]
    fn message_and_labels_name_every_cell() {
        let text =
            format!("{HEAD}| 甲县 | 120 | 118 |\n| 乙县 | 80 | 80 |\n| 合计 | 200 | 208 |\n");
        let found = run(&TableTotalRow {}, &text);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert!(f.message.contains("「完成数」为 208"), "{}", f.message);
        assert!(f.help.as_deref().unwrap_or("").contains("118 + 80 = 198"));
        assert_eq!(f.labels.len(), 2, "one label per item cell");
    }
}
