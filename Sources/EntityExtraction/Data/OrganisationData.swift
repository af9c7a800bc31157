import SiteModel
// International organisations, multilateral banks and regional groupings named in the seeds
// (found by grepping both seeds; extend as new documents arrive). A TSV string for the same reason
// as CountryAliasData: it ships inside the library with no bundle lookup.
//
// Format: <id> TAB <nameZh> TAB <aliases, separated by |, may be empty> TAB <nameEn, may be empty>
// Ids are ASCII and stable (URL segment organisations/<id>/). Aliases are matched exactly like the
// name, in the same leftmost-longest scan as countries. ASCII aliases (WTO, G20) only match as a
// whole ASCII word.
enum OrganisationData {
    static let tsv = """
    # United Nations system
    un\t联合国\t\tUnited Nations
    undp\t联合国开发计划署\t开发计划署|UNDP\tUnited Nations Development Programme
    unido\t联合国工业发展组织\t联合国工发组织|工发组织|UNIDO\tUnited Nations Industrial Development Organization
    un-habitat\t联合国人类住区规划署\t人居署\tUN-Habitat
    unicef\t联合国儿童基金会\tUNICEF\tUnited Nations Children's Fund
    unfpa\t联合国人口基金\t联合国人口基金会\tUnited Nations Population Fund
    unctad\t联合国贸易与发展会议\t联合国贸易和发展会议|联合国贸发会议|贸发会议|UNCTAD\tUnited Nations Conference on Trade and Development
    unece\t联合国欧洲经济委员会\t欧洲经委会\tUnited Nations Economic Commission for Europe
    unescap\t联合国亚洲及太平洋经济社会委员会\t亚太经社会\tUnited Nations Economic and Social Commission for Asia and the Pacific
    undesa\t联合国经济和社会事务部\t\tUnited Nations Department of Economic and Social Affairs
    unaoc\t联合国文明联盟\t\tUnited Nations Alliance of Civilizations
    unesco\t联合国教科文组织\t联合国教育、科学及文化组织|UNESCO\tUnited Nations Educational, Scientific and Cultural Organization
    unep\t联合国环境规划署\t\tUnited Nations Environment Programme
    unhcr\t联合国难民署\t联合国难民事务高级专员办事处\tUnited Nations High Commissioner for Refugees
    unrwa\t联合国近东巴勒斯坦难民救济和工程处\tUNRWA\tUnited Nations Relief and Works Agency for Palestine Refugees in the Near East
    unodc\t联合国毒品和犯罪问题办公室\tUNODC\tUnited Nations Office on Drugs and Crime
    fao\t联合国粮食及农业组织\t联合国粮农组织|粮农组织|FAO\tFood and Agriculture Organization of the United Nations
    wfp\t世界粮食计划署\t联合国世界粮食计划署|WFP\tWorld Food Programme
    iom\t国际移民组织\t联合国国际移民组织|IOM\tInternational Organization for Migration
    who\t世界卫生组织\t世卫组织|联合国世界卫生组织|WHO\tWorld Health Organization
    wipo\t世界知识产权组织\tWIPO\tWorld Intellectual Property Organization
    wmo\t世界气象组织\t\tWorld Meteorological Organization
    imo\t国际海事组织\t\tInternational Maritime Organization
    icao\t国际民用航空组织\t国际民航组织|ICAO\tInternational Civil Aviation Organization
    itu\t国际电信联盟\t国际电联|ITU\tInternational Telecommunication Union
    itc\t国际贸易中心\t\tInternational Trade Centre
    # Trade, finance, multilateral banks
    wto\t世界贸易组织\t世贸组织|WTO\tWorld Trade Organization
    imf\t国际货币基金组织\tIMF\tInternational Monetary Fund
    world-bank\t世界银行\t世界银行集团\tWorld Bank Group
    ifc\t国际金融公司\tIFC\tInternational Finance Corporation
    adb\t亚洲开发银行\tADB\tAsian Development Bank
    aiib\t亚洲基础设施投资银行\t亚投行|AIIB\tAsian Infrastructure Investment Bank
    ebrd\t欧洲复兴开发银行\t欧洲复兴银行|EBRD\tEuropean Bank for Reconstruction and Development
    eib\t欧洲投资银行\tEIB\tEuropean Investment Bank
    ndb\t新开发银行\t金砖国家新开发银行|NDB\tNew Development Bank
    sco-ibc\t上海合作组织银行联合体\t上海合作组织银联体|上合组织银联体\tSCO Interbank Consortium
    aebf\t亚洲进出口银行论坛\t\tAsian Exim Banks Forum
    afca\t亚洲金融合作协会\t\tAsian Financial Cooperation Association
    oecd\t经济合作与发展组织\t经合组织|OECD\tOrganisation for Economic Co-operation and Development
    # Regional groupings and their organs
    eu\t欧洲联盟\t欧盟|欧盟委员会|EU\tEuropean Union
    asean\t东南亚国家联盟\t东盟|ASEAN\tAssociation of Southeast Asian Nations
    au\t非洲联盟\t非盟|非洲联盟委员会|非盟委员会\tAfrican Union
    arab-league\t阿拉伯国家联盟\t阿盟\tLeague of Arab States
    sco\t上海合作组织\t上合组织|SCO\tShanghai Cooperation Organisation
    eaeu\t欧亚经济联盟\t\tEurasian Economic Union
    caricom\t加勒比共同体\t\tCaribbean Community
    gccia\t海湾合作委员会互联电网管理局\t\tGCC Interconnection Authority
    gcc\t海湾阿拉伯国家合作委员会\t海湾合作委员会|海合会|GCC\tGulf Cooperation Council
    apec\t亚太经济合作组织\t亚太经合组织|APEC\tAsia-Pacific Economic Cooperation
    g20\t二十国集团\tG20\tGroup of Twenty
    brics\t金砖国家\tBRICS\tBRICS
    rcep\t区域全面经济伙伴关系\tRCEP\tRegional Comprehensive Economic Partnership
    # Other international organisations
    interpol\t国际刑事警察组织\t国际刑警组织|INTERPOL\tInternational Criminal Police Organization
    wef\t世界经济论坛\t\tWorld Economic Forum
    iru\t国际道路运输联盟\t\tInternational Road Transport Union
    idlo\t国际发展法律组织\t\tInternational Development Law Organization
    icrc\t红十字国际委员会\t\tInternational Committee of the Red Cross
    geidco\t全球能源互联网发展合作组织\t\tGlobal Energy Interconnection Development and Cooperation Organization
    uclg\t世界城市和地方政府组织\t\tUnited Cities and Local Governments
    gavi\t全球疫苗免疫联盟\tGavi\tGavi, the Vaccine Alliance
    cepi\t流行病防范创新联盟\tCEPI\tCoalition for Epidemic Preparedness Innovations
    wta\t世界旅游联盟\t\tWorld Tourism Alliance
    """
}
