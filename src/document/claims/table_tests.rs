//! Table claims on the layouts real tables use: each case is a small table and
//! what the model must conclude of the claim at one cell.

use super::*;
use crate::document::Document;

/// The verdicts of the claims of `kind` whose stated figure is written `figure`.
fn verdicts(text: &str, kind: ClaimKind, figure: &str) -> Vec<Verdict> {
    let doc = Document::parse("t.txt", text.to_owned());
    doc.claims()
        .list
        .iter()
        .filter(|c| c.kind == kind && c.stated.written == figure)
        .map(|c| c.verdict)
        .collect()
}

fn holds(text: &str, kind: ClaimKind, figure: &str) {
    let v = verdicts(text, kind, figure);
    assert!(
        !v.contains(&Verdict::Fails),
        "{text}: {figure} should hold, got {v:?}"
    );
}

fn fails(text: &str, kind: ClaimKind, figure: &str) {
    let v = verdicts(text, kind, figure);
    assert!(
        v.contains(&Verdict::Fails),
        "{text}: {figure} should fail, got {v:?}"
    );
}

#[test]
fn a_share_column_is_taken_of_the_row_whose_share_is_100() {
    let table = |n: &str| {
        format!(
            "      指标名称          总量（户）        比重（%）\n 新登记市场主体总量        60000       100.0\n   #内资企业          1200         2.0\n   私营企业           {n}        20.0\n   个体工商户          46800       78.0\n"
        )
    };
    holds(&table("12000"), ClaimKind::TableRate, "20");
    fails(&table("10800"), ClaimKind::TableRate, "20");
}

#[test]
fn an_unnamed_first_row_larger_than_all_below_is_the_total() {
    let table = |n: &str| {
        format!(
            "机构分类 | 机构数(个) | 床位数(张) |\n| 100 | 900 |\n一.医院 | 60 | 800 |\n二.卫生院 | 30 | {n} |\n三.门诊部 | 10 | 0 |\n"
        )
    };
    holds(&table("100"), ClaimKind::TableTotalRow, "900");
    fails(&table("150"), ClaimKind::TableTotalRow, "900");
}

#[test]
fn rows_that_add_up_to_the_row_above_in_all_columns_but_one_are_its_parts() {
    // 专科医院 heads 口腔医院 and 眼科医院 (they add up to it in two columns of
    // three); 一.医院 is 综合医院 + 专科医院, the rows under 专科医院 left out.
    let table = |n: &str| {
        format!(
            "机构分类 | 机构数 | 床位数 | 人员数 |\n一.医院 | 50 | 700 | 1500 |\n综合医院 | 40 | 500 | 1000 |\n专科医院 | 10 | 200 | 500 |\n口腔医院 | 6 | {n} | 300 |\n眼科医院 | 4 | 80 | 200 |\n二.卫生院 | 30 | 300 | 600 |\n"
        )
    };
    holds(&table("120"), ClaimKind::TableTotalRow, "200");
    holds(&table("120"), ClaimKind::TableTotalRow, "700");
    fails(&table("210"), ClaimKind::TableTotalRow, "200");
}

#[test]
fn a_row_is_under_the_nearest_shallower_row_above_it() {
    // 公立/民营 indented deeper than the 分级别 rows: all are breakdowns of 医院.
    let table = |n: &str| {
        format!(
            "项目 | 2016 | 2017 |\n总计 | 1200 | 1300 |\n一、医院 | 1000 | 1100 |\n     公立医院 | 800 | 850 |\n     民营医院 | 200 | {n} |\n   医院分级别: 三级医院 | 600 | 700 |\n   医院分级别: 二级医院 | 400 | 400 |\n二、其他机构 | 200 | 200 |\n"
        )
    };
    holds(&table("250"), ClaimKind::TableTotalRow, "1100");
    fails(&table("205"), ClaimKind::TableTotalRow, "1100");
}

#[test]
fn a_per_head_figure_is_the_sum_of_its_components_not_of_its_groups() {
    let table = |n: &str| {
        format!(
            "      指标名称          绝对数（元）     比上年增长（%）\n 农村常住居民人均可支配收入         14239    8.3\n  #工资性收入               6741     21.4\n   经营净收入                {n}     -15.9\n   财产净收入                350      22.9\n   转移净收入                3672     15.4\n"
        )
    };
    holds(&table("3476"), ClaimKind::TableTotalRow, "14239");
    fails(&table("3746"), ClaimKind::TableTotalRow, "14239");
    // Averages of groups of people never add up to the average of all.
    let groups = "      指标名称          绝对数（元）\n 全体居民人均可支配收入         30000\n  #城镇居民               40000\n   农村居民                20000\n";
    holds(groups, ClaimKind::TableTotalRow, "30000");
}

#[test]
fn the_last_count_column_adding_up_the_others_on_three_rows_is_their_total() {
    let table = |n: &str| {
        format!(
            "项目 | 甲 | 乙 | 丙 | 丁 |\n一、新收 | 58 | 7 | 1 | {n} |\n二、结转 | 2 | 1 | 0 | 3 |\n(一)公开 | 16 | 1 | 0 | 17 |\n(二)不公开 | 4 | 2 | 1 | 7 |\n"
        )
    };
    holds(&table("66"), ClaimKind::TableTotalColumn, "66");
    fails(&table("76"), ClaimKind::TableTotalColumn, "76");
    // Two rows are no evidence.
    let two = "项目 | 甲 | 乙 | 丙 |\n一、新收 | 5 | 2 | 9 |\n二、结转 | 2 | 1 | 3 |\n";
    holds(two, ClaimKind::TableTotalColumn, "9");
}

#[test]
fn a_column_named_as_the_ratio_of_two_is_their_quotient() {
    let table = |x: &str| {
        format!(
            "类别 | 学校数 | 在校学生数 | 专任教师数 | 学生与专任教师比 |\n学前教育 | 650 | 124541 | 8987 | 13.86 |\n小学 | 334 | 371009 | 18955 | {x} |\n初中 | 147 | 171369 | 11775 | 14.55 |\n总计 | 1131 | 666919 | 39717 | 16.79 |\n"
        )
    };
    holds(&table("19.57"), ClaimKind::TableRate, "19.57");
    fails(&table("17.59"), ClaimKind::TableRate, "17.59");
}

#[test]
fn a_rate_row_is_its_stem_row_over_the_base_row_of_every_column() {
    let table = |x: &str| {
        format!(
            "说明。\n本年出院人数 1982539 2189609 2555815\n #出院病人数 1539579 1833491 2078759\n  1.治 愈 1154025 1355815 1489703\n  2.好 转 308214 406909 509314\n  3.未 愈 52962 49352 56319\n  4.死 亡 24378 21415 23423\n治愈率 % 75 73.9 71.7\n好转率 % 20 {x} 24.5\n"
        )
    };
    holds(&table("22.2"), ClaimKind::TableRate, "22.2");
    fails(&table("25.2"), ClaimKind::TableRate, "25.2");
    // Rows numbered from one under a row are held whole only where the table
    // shows them whole: here they add up to #出院病人数 in the other columns.
    let changed = table("22.2").replace("1355815", "1535815");
    fails(&changed, ClaimKind::TableTotalRow, "1833491");
}

#[test]
fn a_column_in_a_smaller_unit_is_converted_not_left_out() {
    // 外籍（人） under 单位：万人: 150人 is 0.015万, and 丁县's total needs it.
    let table = |last: &str| {
        format!(
            "单位：万人\n\n| 地区 | 合计 | 城镇 | 乡村 | 外籍（人） |\n|---|---|---|---|---|\n| 甲县 | 52.05 | 30.10 | 21.95 | 20 |\n| 乙县 | 39.80 | 20.00 | 19.80 | 30 |\n| 丙县 | 29.90 | 15.00 | 14.90 | 10 |\n| 丁县 | {last} | 10.00 | 9.95 | 150 |\n"
        )
    };
    holds(&table("19.97"), ClaimKind::TableTotalColumn, "19.97");
    fails(&table("20.07"), ClaimKind::TableTotalColumn, "20.07");
}

/// A total column's header may end with its unit or a note in brackets
/// (合计（万人）, 总计(元)): the name before the brackets makes it the total.
#[test]
fn a_total_column_header_with_its_unit_is_a_total() {
    let table = |c: &str| {
        format!(
            "| 地区 | 合计（万人） | 城镇（万人） | 农村（万人） | 城镇化率（%） |\n|---|---|---|---|---|\n| 甲县 | 20.3 | 12.1 | 8.2 | 59.6 |\n| 乙县 | 16.5 | 10.5 | 6.0 | 63.6 |\n| 丙县 | {c} | 9.4 | 7.1 | 60.6 |\n| 丁县 | 11.2 | 8.0 | 3.2 | 71.4 |\n"
        )
    };
    holds(&table("16.5"), ClaimKind::TableTotalColumn, "16.5");
    fails(&table("15.5"), ClaimKind::TableTotalColumn, "15.5");
    let money = "| 项目 | 总计(元) | 基本支出(元) | 项目支出(元) | 备注 |\n|---|---|---|---|---|\n| 一般公共服务 | 5230 | 4100 | 1130 | 无 |\n| 教育 | 8210 | 6000 | 2210 | 无 |\n| 卫生健康 | 3390 | 2500 | 980 | 无 |\n";
    fails(money, ClaimKind::TableTotalColumn, "3390");
}

/// A part in a smaller unit than its total is shown as it was added.
#[test]
fn a_part_in_a_smaller_unit_is_shown_as_added() {
    let text = "| 地区 | 城镇（万人） | 农村（人） | 合计（万人） |\n|---|---|---|---|\n| 甲县 | 12.1 | 82000 | 20.3 |\n| 乙县 | 10.5 | 60000 | 16.5 |\n| 丙县 | 9.4 | 71000 | 15.5 |\n| 丁县 | 8.0 | 32000 | 11.2 |\n";
    let doc = Document::parse("t.txt", text.to_owned());
    let c = doc
        .claims()
        .list
        .iter()
        .find(|c| c.kind == ClaimKind::TableTotalColumn && c.fails())
        .expect("the 丙县 row fails");
    let shown = show::expression(
        c.assumed().expect("a failing claim names its reading"),
        &c.stated,
    );
    assert!(shown.contains("7.1（71000）"), "{shown}");
}
