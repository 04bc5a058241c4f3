namespace Events.Core.Attendees.Forms;

/// <summary>
/// The ready-made 回执 fields an organizer adds with one click. Their labels are copied into the event's form, where the
/// organizer may reword them, so they are form content in both languages rather than interface text.
/// </summary>
public static class ReplyFieldPresets
{
    public const string GenderPreset = "gender";
    public const string EthnicityPreset = "ethnicity";
    public const string EmployerPreset = "employer";
    public const string PositionPreset = "position";
    public const string MobilePreset = "mobile";
    public const string IdPreset = "id";
    public const string ArrivalPreset = "arrival";
    public const string DeparturePreset = "departure";
    public const string LodgingPreset = "lodging";
    public const string DietPreset = "diet";
    public const string CompanionsPreset = "companions";

    /// <summary>The presets in the order the builder offers them.</summary>
    public static readonly IReadOnlyList<string> All =
        [GenderPreset, EthnicityPreset, EmployerPreset, PositionPreset, MobilePreset, IdPreset, ArrivalPreset, DeparturePreset, LodgingPreset, DietPreset, CompanionsPreset];

    /// <summary>The 56 ethnic groups in GB 3304 order: code, Chinese name, romanised name.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string NameEn)> EthnicGroups =
    [
        ("01", "汉族", "Han"), ("02", "蒙古族", "Mongol"), ("03", "回族", "Hui"), ("04", "藏族", "Tibetan"),
        ("05", "维吾尔族", "Uyghur"), ("06", "苗族", "Miao"), ("07", "彝族", "Yi"), ("08", "壮族", "Zhuang"),
        ("09", "布依族", "Buyei"), ("10", "朝鲜族", "Korean"), ("11", "满族", "Manchu"), ("12", "侗族", "Dong"),
        ("13", "瑶族", "Yao"), ("14", "白族", "Bai"), ("15", "土家族", "Tujia"), ("16", "哈尼族", "Hani"),
        ("17", "哈萨克族", "Kazakh"), ("18", "傣族", "Dai"), ("19", "黎族", "Li"), ("20", "傈僳族", "Lisu"),
        ("21", "佤族", "Va"), ("22", "畲族", "She"), ("23", "高山族", "Gaoshan"), ("24", "拉祜族", "Lahu"),
        ("25", "水族", "Sui"), ("26", "东乡族", "Dongxiang"), ("27", "纳西族", "Naxi"), ("28", "景颇族", "Jingpo"),
        ("29", "柯尔克孜族", "Kyrgyz"), ("30", "土族", "Tu"), ("31", "达斡尔族", "Daur"), ("32", "仫佬族", "Mulao"),
        ("33", "羌族", "Qiang"), ("34", "布朗族", "Blang"), ("35", "撒拉族", "Salar"), ("36", "毛南族", "Maonan"),
        ("37", "仡佬族", "Gelao"), ("38", "锡伯族", "Xibe"), ("39", "阿昌族", "Achang"), ("40", "普米族", "Pumi"),
        ("41", "塔吉克族", "Tajik"), ("42", "怒族", "Nu"), ("43", "乌孜别克族", "Uzbek"), ("44", "俄罗斯族", "Russian"),
        ("45", "鄂温克族", "Evenki"), ("46", "德昂族", "De'ang"), ("47", "保安族", "Bonan"), ("48", "裕固族", "Yugur"),
        ("49", "京族", "Gin"), ("50", "塔塔尔族", "Tatar"), ("51", "独龙族", "Derung"), ("52", "鄂伦春族", "Oroqen"),
        ("53", "赫哲族", "Hezhen"), ("54", "门巴族", "Monpa"), ("55", "珞巴族", "Lhoba"), ("56", "基诺族", "Jino"),
    ];

    /// <summary>The fields a preset adds, fresh copies; empty for an unknown preset.</summary>
    public static IReadOnlyList<ReplyField> Fields(string preset) => preset switch
    {
        GenderPreset => [Choice(ReplyFieldKeys.Gender, "性别", "Sex", [O(ReplyFieldKeys.GenderMale, "男", "Male"), O(ReplyFieldKeys.GenderFemale, "女", "Female")])],
        EthnicityPreset => [Choice(ReplyFieldKeys.Ethnicity, "民族", "Ethnicity", EthnicGroups.Select(g => O(g.Code, g.Name, g.NameEn)).ToList())],
        EmployerPreset => [Text(ReplyFieldKeys.Employer, "单位", "Employer")],
        PositionPreset => [Text(ReplyFieldKeys.Position, "职务/职称", "Position / title")],
        MobilePreset => [Text(ReplyFieldKeys.Mobile, "手机", "Mobile", ReplyFieldFormat.MainlandMobile)],
        IdPreset =>
        [
            Choice(ReplyFieldKeys.IdType, "证件类型", "ID document", [
                O(ReplyFieldKeys.IdTypeResident, "居民身份证", "Resident identity card"),
                O(ReplyFieldKeys.IdTypePassport, "护照", "Passport"),
                O(ReplyFieldKeys.IdTypeHkMacau, "港澳居民来往内地通行证", "Mainland travel permit for Hong Kong and Macao residents"),
                O(ReplyFieldKeys.IdTypeTaiwan, "台湾居民来往大陆通行证", "Mainland travel permit for Taiwan residents"),
            ]),
            Text(ReplyFieldKeys.IdNumber, "证件号码", "ID number", ReplyFieldFormat.IdNumber),
        ],
        ArrivalPreset =>
        [
            new ReplyField { Key = ReplyFieldKeys.ArrivalAt, Type = ReplyFieldType.DateTime, Label = "到达时间", LabelEn = "Arrival date and time" },
            Text(ReplyFieldKeys.ArrivalTrain, "到达车次/航班", "Arrival train or flight"),
            Text(ReplyFieldKeys.ArrivalStation, "到达车站/机场", "Arrival station or airport"),
            YesNo(ReplyFieldKeys.ArrivalPickup, "需要接站", "Pick-up wanted"),
        ],
        DeparturePreset =>
        [
            new ReplyField { Key = ReplyFieldKeys.DepartureAt, Type = ReplyFieldType.DateTime, Label = "离开时间", LabelEn = "Departure date and time" },
            Text(ReplyFieldKeys.DepartureTrain, "离开车次/航班", "Departure train or flight"),
            Text(ReplyFieldKeys.DepartureStation, "离开车站/机场", "Departure station or airport"),
            YesNo(ReplyFieldKeys.DepartureDropoff, "需要送站", "Drop-off wanted"),
        ],
        LodgingPreset =>
        [
            YesNo(ReplyFieldKeys.Lodging, "需要住宿", "Accommodation wanted"),
            When(Choice(ReplyFieldKeys.Hotel, "酒店", "Hotel", []), ReplyFieldKeys.Lodging, "true", required: true),
            When(Choice(ReplyFieldKeys.RoomType, "房型", "Room type", [
                O(ReplyFieldKeys.RoomSingle, "单间", "Single room"),
                O(ReplyFieldKeys.RoomTwinShared, "标准间合住", "Twin room, shared"),
                O(ReplyFieldKeys.RoomTwinAlone, "标准间单住", "Twin room, alone"),
            ]), ReplyFieldKeys.Lodging, "true", required: true),
            When(Text(ReplyFieldKeys.SharedWith, "合住人", "Sharing with"), ReplyFieldKeys.RoomType, ReplyFieldKeys.RoomTwinShared, required: false),
            When(new ReplyField { Key = ReplyFieldKeys.CheckIn, Type = ReplyFieldType.Date, Label = "入住日期", LabelEn = "Check-in date" }, ReplyFieldKeys.Lodging, "true", required: true),
            When(new ReplyField { Key = ReplyFieldKeys.Nights, Type = ReplyFieldType.Number, Label = "住宿晚数", LabelEn = "Nights" }, ReplyFieldKeys.Lodging, "true", required: true),
        ],
        DietPreset =>
        [
            Choice(ReplyFieldKeys.Diet, "饮食", "Diet", [
                O(ReplyFieldKeys.DietNormal, "无特殊要求", "No special diet"),
                O(ReplyFieldKeys.DietHalal, "清真", "Halal"),
                O(ReplyFieldKeys.DietVegetarian, "素食", "Vegetarian"),
                O(ReplyFieldKeys.DietOther, "其他", "Other"),
            ]),
            When(Text(ReplyFieldKeys.DietDetail, "其他饮食要求", "Other dietary needs"), ReplyFieldKeys.Diet, ReplyFieldKeys.DietOther, required: true),
        ],
        CompanionsPreset =>
        [
            YesNo(ReplyFieldKeys.Companions, "有陪同人员", "Accompanying persons"),
            When(new ReplyField { Key = ReplyFieldKeys.CompanionCount, Type = ReplyFieldType.Number, Label = "陪同人数", LabelEn = "Number of accompanying persons" }, ReplyFieldKeys.Companions, "true", required: true),
            When(Text(ReplyFieldKeys.CompanionNames, "陪同人员姓名", "Names of accompanying persons"), ReplyFieldKeys.Companions, "true", required: true),
        ],
        _ => [],
    };

    private static ReplyOption O(string key, string label, string labelEn) => new() { Key = key, Label = label, LabelEn = labelEn };

    private static ReplyField Text(string key, string label, string labelEn, ReplyFieldFormat format = ReplyFieldFormat.None) =>
        new() { Key = key, Type = ReplyFieldType.Text, Label = label, LabelEn = labelEn, Format = format };

    private static ReplyField YesNo(string key, string label, string labelEn) =>
        new() { Key = key, Type = ReplyFieldType.YesNo, Label = label, LabelEn = labelEn };

    private static ReplyField Choice(string key, string label, string labelEn, List<ReplyOption> options) =>
        new() { Key = key, Type = ReplyFieldType.SingleChoice, Label = label, LabelEn = labelEn, Options = options };

    /// <summary>Shown only when <paramref name="on"/> has <paramref name="value"/>; then required if asked.</summary>
    private static ReplyField When(ReplyField f, string on, string value, bool required)
    {
        f.ShowWhen = new ReplyCondition { FieldKey = on, Values = [value] };
        if (required) f.RequireWhen = new ReplyCondition { FieldKey = on, Values = [value] };
        return f;
    }
}
