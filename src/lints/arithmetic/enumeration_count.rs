use crate::diagnostic::Finding;
use crate::document::claims::{ClaimKind, Role, Source};
use crate::document::Document;
use crate::lints::{Configurable, Lint, LintMeta, NoOptions};

crate::declare_lint! {
    /// ## What it does
    /// Counts the items of a list that states its own length: "项目7个，分别为A、B、C",
    /// "A、B、C等5个", "A、B和C 3个单位". Items are separated by 、, the last one may be
    /// joined by 和/及/以及/与; parentheses inside an item do not split it. With 等 the
    /// stated number is a lower bound on the listed items only, and a count of kinds
    /// (等3类, 等N个方面) is not held to its list at all: its names may be members of
    /// the kinds, whose own lists hold 、 too.
    ///
    /// A count that depends on reading a 和 as one item or two is shown as a range.
    ///
    /// Not read as the counted list (no finding): one coordinated word (新、改、扩建;
    /// 取消、调整、合并…事项, whose short verbs share the last item's object); a run
    /// of short words that opens its clause (its verbs); a list that goes on past a
    /// comma or is enumerated by ordinals (一是…); a count that fits the names after a
    /// 和 inside the list; a count whose noun is itself followed by 、/等/和.
    ///
    /// ## Why
    /// A count that disagrees with its list means an item was dropped or added after
    /// the number was written; readers cannot tell which one is right.
    ///
    /// ## Example
    /// ```bad
    /// 计划开工项目4个，分别为XX市第四人民医院、XX市人民医院西区门诊及病房楼改建项目。
    /// ```
    /// ```good
    /// 计划开工项目2个，分别为XX市第四人民医院、XX市人民医院西区门诊及病房楼改建项目。
    /// ```
    pub struct EnumerationCount {}
    code = "RL205", name = "enumeration-count", family = Arithmetic, severity = Error,
    summary = "a stated count (N个，分别为…) that differs from the number of listed items",
}

impl Configurable for EnumerationCount {
    type Options = NoOptions;
    fn new(_: NoOptions) -> Result<Self, String> {
        Ok(EnumerationCount {})
    }
}

impl Lint for EnumerationCount {
    fn meta(&self) -> &'static LintMeta {
        &META
    }

    fn check(&self, doc: &Document, out: &mut Vec<Finding>) {
        for c in doc.claims().of(ClaimKind::ListCount).filter(|c| c.fails()) {
            let Some(r) = c.assumed() else { continue };
            let items: Vec<_> = r
                .operands
                .iter()
                .filter(|o| o.role == Role::Item && o.source != Source::Implied)
                .collect();
            let etc = r.operands.iter().any(|o| o.source == Source::Implied);
            let fewest = items.len();
            let most: usize = items.iter().map(|o| o.value.hi as usize).sum();
            let value = c.stated.value.lo as usize;
            let certain = fewest == most || fewest > value;
            let counted = if certain || etc {
                fewest.to_string()
            } else {
                format!("{fewest}～{most}")
            };
            let stated = &c.stated.written;
            let message = if etc {
                format!("「{stated}」少于所列举的 {counted} 项（“等”只表示还有未列出的）")
            } else {
                format!("「{stated}」与所列举的 {counted} 项不符")
            };
            let mut f = Finding::new(&META, c.stated.span, message).primary(format!("写 {value}"));
            for (k, item) in items.iter().enumerate() {
                f = f.label(item.span, format!("第{}项", k + 1));
            }
            let joined = if most > fewest && !certain {
                "（把“和/及/与”连接的算作两项）"
            } else {
                ""
            };
            let names: Vec<&str> = items.iter().map(|o| o.written.as_str()).collect();
            out.push(f.help(format!(
                "所列：{}，共 {counted} 项{joined} ≠ {value}：改正数字，或补上漏列的项",
                names.join("、")
            )));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lints::testing::pass_fail;

    #[test]
    fn cases() {
        pass_fail(
            &EnumerationCount {},
            &[
                "在建续建重点项目7个,分别为XX市人民医院南区、XX市人民医院北区、XX市医防融合服务中心建设项目、XX市中医院扩建项目(XX市中医院公共卫生服务楼、中药制剂室综合楼、中医药众创大楼)、XX市第三人民医院、XX市第二人民医院、XX市顾集镇卫生院;项目总建筑面积约36.04万平方米。",
                "泉阳王付全、芦村穆寨、王集李彬庄、舒庄大鲁村和东城徐寨社区、连后楼社区6个单位参与申报创建。",
                "组建临床检验、内镜、血液净化、临床用血、急诊、药事6个县级医疗质量控制中心。",
                "支援苏州、连云港、常州等5个城市。",
                "新创国家卫生镇4个、省卫生镇3个、省卫生村191个。",
                "已储备到位6515间,其中3910间、2605间分别能在24小时内投入使用。",
                "在李堡、南莫、曲塘3个农村区域医疗卫生中心建设公共卫生应急楼。",
                "加强粮油、肉蛋奶、果蔬、日用品、家电、服装鞋帽等3类商品价格监测。",
                // one coordinated word, not a list: 新建、改建、扩建 with the head shared
                "全年新、改、扩建56条道路绿化带。",
                "启动新、改、扩建乡镇卫生院48所、村卫生室104个。",
                // verbs that open the clause: the count counts their object
                "深化改革，撤销、合并、脱钩120家协会和中介机构。",
                "按照改革要求，取消、调整、合并市级审批216项事项。",
                // the list goes on past the comma: grouped by commas, not by 、
                "确定5个重点：拆临、拆违，清淤、清障，绿化、修复湿地，规划、配套设施，提升、开发。",
                // the count after a 和 may count only the group after it
                "东岭、西岭和南湖、北湖、中湖、上湖四个街道全部通水。",
                // 即 lists the nearer count's items
                "建设甲乙丙三个新区和五个园区，即一园、二园、三园、四园、五园。",
                // the count is inside an item of a list that goes on
                "深化部门预算、政府采购、收支两条线和国库集中支付改革。",
                // items enumerated by ordinals, not by 、
                "办好10件实事：一是整治违章建筑、窝棚和养殖污染。",
            ],
            &[
                "组建临床检验、内镜、血液净化、临床用血、急诊、药事7个县级医疗质量控制中心。",
                "支援苏州、连云港、常州、上海、成都、南京等5个城市。",
                "计划开工项目四个，分别为XX市第四人民医院、XX市人民医院西区门诊及病房楼改建项目。",
                "在李堡、南莫、曲塘4个农村区域医疗卫生中心建设应急楼。",
                "确定3个重点：拆违、清淤。",
            ],
        );
    }
}
