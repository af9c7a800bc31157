import SiteModel
// The publisher's knowledge about country names that CLDR (read through Foundation) does not have.
// Kept as a TSV string in Swift so it ships inside the library on every platform: no Bundle.module
// lookup (whose generated accessor traps on Linux when the .resources folder is not next to the
// binary). `Gazetteer.load(aliasTSV:)` accepts the same text from a file if the project prefers.
//
// Format, one record a line, fields separated by TABs; `#` starts a comment line:
//   <ISO2>  <name>[ <name>…]    extra names for a country (space separated)
//   <ISO2>  =<name>             the preferred Chinese display name (also matched)
//   <ISO2>  ?<name>             a name that is this country only as an item of a 、 list next to
//                               another country (中非、布隆迪 = Central African Republic); anywhere
//                               else it is a non-entity word (中非合作 = China–Africa)
//   -       <word>[ <word>…]    non-entity words: matched like names, so leftmost-longest lets
//                               them hide shorter names inside them, but they yield nothing
//   @territory  <ISO2>…         codes whose `kind` is territory, not country
//   @exclude    <ISO2>…         region codes that are never country entities (their CLDR names
//                               still become non-entity words, so 加纳利群岛 never yields 加纳)
enum CountryAliasData {
    static let tsv = """
    # Short forms official Chinese texts use (CLDR has the long forms).
    MN\t=蒙古国
    BA\t波黑
    AE\t阿联酋
    ID\t印尼
    SA\t沙特
    PG\t巴新
    TT\t特多
    DO\t多米尼加
    PS\t=巴勒斯坦 巴勒斯坦国
    CD\t刚果民主共和国 刚果金
    CG\t刚果共和国 刚果布
    CF\t?中非
    # Formal names (treaty titles, ministries) — matched whole so the surface is the full form.
    PK\t巴基斯坦伊斯兰共和国
    BY\t白俄罗斯共和国
    LB\t黎巴嫩共和国
    TN\t突尼斯共和国
    TR\t土耳其共和国
    CZ\t捷克共和国
    RU\t俄罗斯联邦
    LA\t老挝人民民主共和国
    VN\t越南社会主义共和国
    KH\t柬埔寨王国
    TH\t泰王国
    KR\t大韩民国
    KP\t朝鲜民主主义人民共和国
    US\t美利坚合众国
    GB\t大不列颠及北爱尔兰联合王国
    # China and its regions are not foreign countries in these texts (see NOTES.md).
    @exclude\tCN HK MO TW
    -\t中国 中华人民共和国 香港 澳门 台湾 内蒙古
    # Not ISO 3166-1 countries: CLDR groupings and exceptionally reserved codes.
    @exclude\tEU EZ UN QO AC CP CQ DG EA IC TA XK
    # Fixed compounds: 中 (China) + a one-character abbreviation, or a geographic region.
    # 中非 is China–Africa (CLDR's 中非共和国 still matches when written in full), 中美 China–US.
    -\t中欧 中亚 中东 中美 中拉 中阿 中东欧 中美洲 中南美洲 新几内亚
    # Dependent territories and areas (kind = territory).
    @territory\tAS AI AQ AW AX BL BM BQ BV CC CK CW CX EH FK FO GF GG GI GL GP GS GU HM IM IO JE KY MF MP MQ MS NC NF NU PF PM PN PR PS RE SH SJ SX TC TF TK UM VG VI WF YT
    """
}
