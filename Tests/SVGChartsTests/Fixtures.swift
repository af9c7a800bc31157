import SVGCharts

/// Small but realistic charts used by snapshot, validity and screenshot tests.
enum Fixtures {
    static let ports = ChartSpec(
        title: "2023年主要港口集装箱吞吐量", unit: "万标准箱", source: "示例数据",
        kind: .bars(.vertical),
        categories: ["上海", "宁波舟山", "深圳", "青岛", "广州", "天津"],
        series: [Series(name: "吞吐量", values: [4915.8, 3530.1, 2988.0, 2875.2, 2541.4, 2218.0], decimals: 1)],
        idPrefix: "ports")

    static let tradeLongLabels = ChartSpec(
        title: "出口商品构成（按 SITC 分类）", unit: "亿美元", source: "海关统计（示例）",
        kind: .bars(.vertical),
        categories: ["机械及运输设备", "杂项制品（含服装、鞋类、家具）", "按原料分类的制成品", "化学品及有关产品",
                     "矿物燃料、润滑油及有关原料", "食品及活动物"],
        series: [Series(name: "出口额", values: [15823.7, 5715.7, 5202.4, 2352.1, 715.7, 742.0], decimals: 1)],
        idPrefix: "trade")

    static let grouped = ChartSpec(
        title: "中欧班列开行数量", unit: "万列", note: "2023 年西部通道数据暂缺",
        kind: .groupedBars(.vertical),
        categories: ["西部通道", "中部通道", "东部通道"],
        series: [
            Series(name: "2021年", values: [0.82, 0.31, 0.39], decimals: 2),
            Series(name: "2022年", values: [0.86, 0.32, 0.42], decimals: 2),
            Series(name: "2023年", values: [nil, 0.33, 0.45], decimals: 2),
        ],
        idPrefix: "grouped")

    static let stacked = ChartSpec(
        title: "进出口总额构成", unit: "万亿元",
        kind: .stackedBars(.vertical),
        categories: ["2019", "2020", "2021", "2022", "2023"],
        series: [
            Series(name: "出口", values: [17.23, 17.93, 21.73, 23.97, 23.77], decimals: 2),
            Series(name: "进口", values: [14.31, 14.22, 17.37, 18.10, 17.98], decimals: 2),
        ],
        idPrefix: "stacked")

    static let lines = ChartSpec(
        title: "铁路货运量及集装箱占比", unit: "亿吨", source: "示例数据",
        kind: .lines(secondaryPercentSeries: [1]),
        categories: ["2015", "2016", "2017", "2018", "2019", "2020", "2021", "2022", "2023"],
        series: [
            Series(name: "货运量", values: [33.6, 33.3, 36.9, 40.3, nil, 45.5, 47.7, 49.8, 50.1], decimals: 1),
            Series(name: "集装箱占比", values: [5.4, 6.1, 7.8, nil, 12.3, 14.9, 17.2, 18.6, 20.1], decimals: 1),
        ],
        idPrefix: "lines")

    static let donut = ChartSpec(
        title: "对外直接投资行业分布", unit: "亿美元",
        kind: .donut,
        categories: ["租赁和商务服务业", "制造业", "批发和零售业", "金融业", "采矿业", "其他"],
        series: [Series(name: "投资额", values: [541.6, 273.4, 227.0, 186.5, 91.2, 104.7], decimals: 1)],
        idPrefix: "donut")

    static let tiles = TileMap(
        title: "沿线国家贸易额", unit: "亿美元", source: "示例数据",
        tiles: [
            Tile(id: "KZ", label: "哈萨克斯坦", column: 2, row: 0, value: 410.2, url: "/countries/kz/"),
            Tile(id: "MN", label: "蒙古", column: 4, row: 0, value: 122.4, url: "/countries/mn/"),
            Tile(id: "RU", label: "俄罗斯", column: 3, row: 0, value: 2401.1, url: "/countries/ru/"),
            Tile(id: "UZ", label: "乌兹别克", column: 1, row: 1, value: 139.5, url: nil),
            Tile(id: "KG", label: "吉尔吉斯", column: 2, row: 1, value: 198.9, url: "/countries/kg/"),
            Tile(id: "TJ", label: "塔吉克", column: 2, row: 2, value: nil, url: nil),
            Tile(id: "PK", label: "巴基斯坦", column: 1, row: 3, value: 230.0, url: "/countries/pk/"),
            Tile(id: "VN", label: "越南", column: 4, row: 3, value: 2297.5, url: "/countries/vn/"),
            Tile(id: "TH", label: "泰国", column: 3, row: 4, value: 1262.7, url: "/countries/th/"),
            Tile(id: "MY", label: "马来西亚", column: 3, row: 5, value: 1902.4, url: "/countries/my/"),
            Tile(id: "SG", label: "新加坡", column: 4, row: 6, value: 1083.9, url: "/countries/sg/"),
            Tile(id: "ID", label: "印度尼西亚", column: 5, row: 6, value: 1393.5, url: "/countries/id/"),
        ],
        decimals: 1, width: 420, idPrefix: "tiles")

    /// Extra stress cases shown only on the screenshot page.
    static var stress: [ChartSpec] {
        let months = (0..<30).map { "2022年\($0 % 12 + 1)月" }
        var vals: [Double?] = []
        for i in 0..<30 {
            let v: Double = 100.0 + Double((i * 37) % 23) * 3.1
            vals.append([7, 8, 20].contains(i) ? nil : v)
        }
        let provinces = ["广东", "江苏", "浙江", "上海", "北京", "山东", "福建", "天津", "四川", "重庆", "河南", "湖北",
                         "辽宁", "安徽", "广西壮族自治区", "新疆维吾尔自治区"]
        return [
            ChartSpec(title: "对主要贸易伙伴出口（标签两行换行）", unit: "亿美元", kind: .bars(.vertical),
                      categories: ["欧洲联盟国家", "美国", "东盟十国合计", "日本", "韩国", "中国香港特别行政区", "俄罗斯联邦", "澳大利亚"],
                      series: [Series(name: "出口额", values: [5014.1, 5002.9, 5236.7, 1575.3, 1490.4, 2791.4, 1109.7, 740.9], decimals: 1)],
                      idPrefix: "wrap"),
            ChartSpec(title: "货物贸易同比增速", unit: "%", note: "负值表示下降", kind: .bars(.vertical),
                      categories: ["2019", "2020", "2021", "2022", "2023", "2024"],
                      series: [Series(name: "增速", values: [3.4, 1.9, 21.4, 7.7, -3.2, nil], decimals: 1)], idPrefix: "neg"),
            ChartSpec(title: "月度集装箱运价指数（长序列，含缺失月份）", kind: .lines(secondaryPercentSeries: []),
                      categories: months, series: [Series(name: "指数", values: vals, decimals: 1)], idPrefix: "long"),
            ChartSpec(title: "各地区进出口额（多类别，自动增高）", unit: "亿元", source: "示例", kind: .groupedBars(.horizontal),
                      categories: provinces,
                      series: [Series(name: "出口", values: provinces.indices.map { i -> Double? in Double(16 - i) * 1234.5 }, decimals: 1),
                               Series(name: "进口", values: provinces.indices.map { i -> Double? in Double(16 - i) * 876.5 }, decimals: 1)],
                      idPrefix: "prov"),
            ChartSpec(title: "运输方式构成（堆积，横向）", unit: "万吨", kind: .stackedBars(.horizontal),
                      categories: ["铁路运输", "公路运输", "水路运输", "航空运输"],
                      series: [Series(name: "国内", values: [3900, 3700, 9500, 6], decimals: 0),
                               Series(name: "国际", values: [700, 1200, 2800, 3], decimals: 0),
                               Series(name: "转口", values: [150, 300, 900, nil], decimals: 0),
                               Series(name: "其他", values: [80, 90, 400, 1], decimals: 0)],
                      idPrefix: "modes"),
        ]
    }

    static var allSpecs: [(String, ChartSpec)] {
        [("ports", ports), ("trade-long-labels", tradeLongLabels), ("grouped", grouped), ("stacked", stacked),
         ("lines", lines), ("donut", donut)]
    }
}
