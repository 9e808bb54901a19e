use super::*;
use crate::document::lines::LineIndex;

fn tables(text: &str) -> Vec<Table> {
    detect(text, &LineIndex::new(text), None)
}

#[test]
fn markdown_table_with_units_totals_and_rates() {
    let text = "说明。\n\n| 地区 | 任务数（人） | 完成数（人） | 完成率（%） |\n|---|---:|---:|---:|\n| 甲县 | 100 | 95 | 95.0 |\n| 乙县 | 200 | 190 | 95 |\n| 合  计 | 300 | 285 | 95.0 |\n\n后文。\n";
    let t = tables(text);
    assert_eq!(t.len(), 1);
    let t = &t[0];
    assert_eq!(t.layout, Layout::Pipe);
    assert_eq!(t.header_rows, 1);
    assert_eq!(t.rows.len(), 4);
    assert_eq!(t.label_column, Some(0));
    assert_eq!(t.columns[1].kind, ColumnKind::Additive);
    assert!(matches!(t.columns[3].kind, ColumnKind::Rate { .. }));
    assert!(t.number(1, 3).is_some_and(|n| n.percent));
    assert_eq!(t.rows[3].role, RowRole::Total);
    assert_eq!(t.rows[3].label, "合计");
    let s = t.cell_span(2, 2).expect("cell");
    assert_eq!(&text[s.start..s.end], "190");
}

#[test]
fn word_rows_with_merged_header_and_unit_line() {
    let text = "单位：万元\n地区\t资金\t\t合计\n\t中央\t省级\t\n甲县\t1.2亿\t300\t12300\n乙县\t100\t—\t100\n";
    let t = &tables(text)[0];
    assert_eq!(t.header_rows, 2);
    assert_eq!(t.columns[1].header, "资金中央");
    assert_eq!(t.columns[2].header, "资金省级");
    assert_eq!(t.columns[3].header, "合计");
    // 1.2亿 in a 万元 table.
    assert_eq!(t.number(2, 1).map(|n| n.value), Some(12000.0));
    assert_eq!(t.rows[3].cells[2].content, Content::Blank);
}

#[test]
fn aligned_text_table_and_prose_is_not_a_table() {
    let text = "地区      任务数    完成数\n甲县      100       95\n乙县      200       190\n合　计    300       285\n";
    let t = &tables(text)[0];
    assert_eq!(t.layout, Layout::Aligned);
    assert_eq!(t.header_rows, 1);
    assert_eq!(t.rows[3].role, RowRole::Total);
    let prose = "全年完成投资  3.78亿元，同比增长  5%。\n我们  要继续  努力。\n";
    assert!(tables(prose).is_empty());
}

#[test]
fn sequence_columns_and_parts_are_told_apart() {
    let text = "序号\t项目\t金额\n1\t甲\t10\n2\t乙\t20\n3\t其中：丙\t5\n\t合计\t30\n";
    let t = &tables(text)[0];
    assert_eq!(t.columns[0].kind, ColumnKind::NotAdditive);
    assert_eq!(t.label_column, Some(1));
    assert_eq!(t.rows[3].role, RowRole::Part);
    assert_eq!(t.rows[4].role, RowRole::Total);
}

#[test]
fn csv_file_is_one_table() {
    let text = "地区,人数,占比\n甲,\"1,000\",50%\n乙,1000,50%\n";
    let t = detect(text, &LineIndex::new(text), Some(Delimited::Comma));
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].number(1, 1).map(|n| n.value), Some(1000.0));
    assert!(matches!(
        t[0].columns[2].kind,
        ColumnKind::Rate { share: true, .. }
    ));
}

#[test]
fn box_drawn_table() {
    let text = "┌──────┬──────┬──────┐\n│ 地区 │ 任务 │ 完成 │\n├──────┼──────┼──────┤\n│ 甲县 │ 10   │ 9    │\n├──────┼──────┼──────┤\n│ 合计 │ 10   │ 9    │\n└──────┴──────┴──────┘\n";
    let t = &tables(text)[0];
    assert_eq!(t.layout, Layout::Boxed);
    assert_eq!(t.header_rows, 1);
    assert_eq!(t.rows.len(), 3);
    assert_eq!(t.rows[2].role, RowRole::Total);
}

#[test]
fn numbered_rows_of_a_table_are_not_sections() {
    let text = "一、总体情况\n正文。\n二、主要工作\n正文。\n\n项目\t金额\n一、医疗\t10\n二、公卫\t20\n合计\t30\n\n三、下一步\n正文。\n";
    let doc = crate::document::Document::parse("t.txt", text.into());
    assert_eq!(doc.tables.len(), 1);
    let titles: Vec<&str> = doc.markers.iter().map(|m| m.title.as_str()).collect();
    assert_eq!(titles, ["总体情况", "主要工作", "下一步"]);
    assert!(doc.outline.events.is_empty(), "{:?}", doc.outline.events);
}

#[test]
fn a_contents_page_with_tab_leaders_is_not_a_table() {
    let text = "目录\n一、总体情况\t1\n二、主要工作\t3\n（一）医疗\t3\n三、下一步\t8\n\n一、总体情况\n正文。\n";
    let doc = crate::document::Document::parse("t.txt", text.into());
    assert!(doc.tables.is_empty(), "{:?}", doc.tables);
    assert!(
        doc.markers.len() >= 5,
        "the contents' headings stay in the outline"
    );
}

#[test]
fn tab_rows_outside_tables_keep_their_cells() {
    // A header with no numbers under it is no table, but its cells are cells.
    let text = "单位：万元\n合计\t\t公务用车\t公务用车\n预算数\t决算数\t预算数\t决算数\n\t一、总体情况\n注：本表无数据。\n";
    let lines = LineIndex::new(text);
    let t = tables(text);
    assert!(t.is_empty());
    let rows = text_rows(text, &lines, &t);
    assert_eq!(rows.len(), 2, "an indented heading is not a row: {rows:?}");
    let cells: Vec<&str> = rows[1]
        .cells
        .iter()
        .map(|c| &text[c.start..c.end])
        .collect();
    assert_eq!(cells, ["预算数", "决算数", "预算数", "决算数"]);
    let doc = crate::document::Document::parse("t.txt", text.to_owned());
    let at = |s: &str, len: usize| {
        let start = text.find(s).expect("in text");
        Span::new(start, start + len)
    };
    assert!(doc.crosses_cells(at("预算数\t决算数", "预算数\t决算数".len())));
    assert!(!doc.crosses_cells(at("公务用车", "公务用车".len())));
    assert!(!doc.crosses_cells(at("注：本表", "注：本表".len())));
}

#[test]
fn a_column_of_subject_codes_is_no_amount() {
    // 类/款/项 codes in a column of their own: 20502 under 205, 2050205 under 20502.
    let text =
        "科目\t\n205\t教育支出\n20502\t普通教育\n2050205\t高等教育\n207\t文化旅游体育与传媒支出\n";
    let t = &tables(text)[0];
    assert_eq!(t.columns[0].kind, ColumnKind::NotAdditive, "{t:#?}");
    // The same digits as amounts that do not nest are an amount column.
    let text = "地区\t投入\n甲县\t205\n乙县\t30711\n丙县\t1500321\n";
    let t = &tables(text)[0];
    assert_eq!(t.columns[1].kind, ColumnKind::Additive, "{t:#?}");
}

#[test]
fn rows_spaced_singly_are_a_table_and_unnamed_averages_no_amounts() {
    let text = "说明如下。\n医院 3767.08 129.57 53.52\n#综合医院 2834.78 106.45 52.69\n  中医医院 732.66 17.55 58.24\n  专科医院 199.64 5.57 54.32\n卫生院 2129.81 95.15 79.46\n";
    let t = tables(text);
    assert_eq!(t.len(), 1);
    let t = &t[0];
    assert_eq!(t.rows.len(), 5);
    assert_eq!(t.rows[1].label, "#综合医院");
    assert_eq!(t.columns[1].kind, ColumnKind::Additive);
    // 53.52 lies between the rows under it: an average or a rate, not a total.
    assert_eq!(t.columns[3].kind, ColumnKind::NotAdditive);
    // Two such lines are no table, nor is prose with numbers in it.
    assert!(tables("甲县 1 2\n乙县 3 4\n").is_empty());
    assert!(tables("全年完成 12 个项目\n新增 3 个\n其中 2 个\n").is_empty());
}

#[test]
fn a_numbered_top_level_and_rows_that_add_up_give_levels() {
    let text = "机构分类 | 机构数 | 床位数 |\n一.医院 | 50 | 700 |\n综合医院 | 40 | 500 |\n专科医院 | 10 | 200 |\n口腔医院 | 6 | 120 |\n眼科医院 | 4 | 80 |\n二.卫生院 | 30 | 300 |\n";
    let t = &tables(text)[0];
    let depth = |r: usize| t.rows[r].depth;
    assert!(depth(2) > depth(1) && depth(2) == depth(3));
    assert!(depth(4) > depth(3) && depth(4) == depth(5));
    assert_eq!(depth(6), depth(1));
}

#[test]
fn merged_cells_of_a_web_table_are_put_in_the_grid() {
    // 高中 lacks its 教职工 cell (merged into 初中's): placed where the columns
    // add up to 总计. The row opening with a group's name drops the name.
    let text = "类别 | 学校数 | 学生数 | 教职工数 | 专任教师数 |\n小学 | 30 | 3000 | 200 | 150 |\n初中 | 20 | 2000 | 300 | 120 |\n高中 | 10 | 1000 | 80 |\n总计 | 60 | 6000 | 500 | 350 |\n";
    let t = &tables(text)[0];
    assert_eq!(t.number(3, 4).map(|n| n.value), Some(80.0));
    assert_eq!(t.rows[3].cells[3].content, Content::Blank);
    let text = "项目 | 甲 | 乙 | 总计 |\n一、新收 | 5 | 2 | 7 |\n二、办理结果 | (一)公开 | 3 | 1 | 4 |\n(二)不公开 | 2 | 1 | 3 |\n";
    let t = &tables(text)[0];
    assert_eq!(t.rows[2].label, "(一)公开");
    assert_eq!(t.number(2, 3).map(|n| n.value), Some(4.0));
}

#[test]
fn a_table_flattened_into_one_line_is_read_row_by_row() {
    let text = "详见表1。表1：医疗收入增长情况 地区 2017年 医疗收入（万元） 2018年医疗收入（万元） 增长率（%） 本年度目标值（%） 平潭 24158.06 27388.75 13.37 ≤10 区医院 21198.50 23749.56 12.03 ≤10 区中医院 2959.56 3639.20 22.96 ≤10\n";
    let t = tables(text);
    assert_eq!(t.len(), 1);
    let t = &t[0];
    assert_eq!(t.header_rows, 1);
    assert_eq!(t.rows.len(), 4);
    assert_eq!(t.rows[2].label, "区医院");
    assert!(matches!(
        t.columns[3].kind,
        ColumnKind::Rate { growth: true, .. }
    ));
    // Only rate words are kept over the columns; the others are read from numbers.
    assert_eq!(t.columns[1].header, "");
    // The prose before it keeps its sentence; each cell is one too.
    let doc = crate::document::Document::parse("t.txt", text.to_owned());
    let p = &doc.paragraphs[0];
    assert!(p
        .sentences
        .iter()
        .any(|s| &p.text[s.start..s.end] == "区医院"));
    assert!(p
        .sentences
        .first()
        .is_some_and(|s| p.text[s.start..s.end].starts_with("详见表1")));
    // Names and numbers that do not run to the end of the line are prose.
    assert!(tables("甲县 1 2 乙县 3 4 丙县 5 6 共计12个。\n").is_empty());
}

#[test]
fn integers_of_a_measure_are_rounded_and_of_a_count_exact() {
    let text = "| 地区 | 产量（吨） | 人员（人） | 执业（助理）医师 |\n|---|---:|---:|---:|\n| 甲县 | 100 | 95 | 12 |\n| 乙县 | 200 | 190 | 30 |\n| 合计 | 300 | 285 | 42 |\n";
    let t = &tables(text)[0];
    assert!(t.columns[1].rounded, "吨 is a measure");
    assert!(!t.columns[2].rounded, "人 counts");
    assert!(!t.columns[3].rounded, "a bracket inside a name is no unit");
}

#[test]
fn a_title_closed_by_its_unit_makes_integer_cells_rounded_amounts() {
    // Five items each rounded to the 万元 may miss their printed total by a unit.
    let text = "表1 部门支出决算表（万元）\n\n| 项目 | 金额 |\n|---|---|\n| 基本支出 | 1203 |\n| 项目支出 | 3405 |\n| 工资福利 | 2210 |\n| 合计 | 6819 |\n";
    let t = &tables(text)[0];
    assert!(
        t.columns[1].rounded,
        "（万元） closing the title is the table's unit"
    );
    let dated = "表1 2023年项目表（2023年）\n\n| 项目 | 人数 |\n|---|---|\n| 甲 | 12 |\n| 乙 | 30 |\n| 合计 | 42 |\n";
    assert!(
        !tables(dated)[0].columns[1].rounded,
        "a year in brackets is no unit"
    );
}

#[test]
fn a_unit_in_the_corner_is_the_tables() {
    for corner in ["项目（万元）", "项目（单位：万元）", "单位：万元"] {
        let text = format!("| {corner} | 2022年 | 2023年 |\n|---|---|---|\n| 基本支出 | 1203 | 1300 |\n| 项目支出 | 3405 | 3500 |\n| 合计 | 4609 | 4801 |\n");
        let t = &tables(&text)[0];
        assert!(t.columns[1].rounded && t.columns[2].rounded, "{corner}");
    }
    let text = "| 项目（个） | 2022年 | 2023年 |\n|---|---|---|\n| 甲 | 12 | 13 |\n| 乙 | 30 | 31 |\n| 合计 | 42 | 44 |\n";
    assert!(
        !tables(text)[0].columns[1].rounded,
        "a count in the corner stays exact"
    );
}
