namespace Events.Core.Attendees.Forms;

/// <summary>
/// Keys of the ready-made 回执 fields (<see cref="ReplyFieldPresets"/>) and of their option values. Answers are stored
/// under these keys, so the organizer's dashboard and exports find arrivals, lodging and diets in any event's form.
/// </summary>
public static class ReplyFieldKeys
{
    public const string Gender = "gender";
    public const string GenderMale = "male";
    public const string GenderFemale = "female";

    /// <summary>民族, one of the 56 ethnic groups by their GB 3304 code ("01" 汉族 … "56" 基诺族).</summary>
    public const string Ethnicity = "ethnicity";
    public const string Employer = "employer";

    /// <summary>职务/职称.</summary>
    public const string Position = "position";
    public const string Mobile = "mobile";

    public const string IdType = "id_type";
    public const string IdTypeResident = "resident_id";
    public const string IdTypePassport = "passport";
    public const string IdTypeHkMacau = "hk_macau_permit";
    public const string IdTypeTaiwan = "taiwan_permit";
    public const string IdNumber = "id_number";

    /// <summary>Arrival: date and time (yyyy-MM-ddTHH:mm), 车次/航班, station or airport, 接站 wanted (yes/no).</summary>
    public const string ArrivalAt = "arrival_at";
    public const string ArrivalTrain = "arrival_train";
    public const string ArrivalStation = "arrival_station";
    public const string ArrivalPickup = "arrival_pickup";

    /// <summary>Departure: date and time, 车次/航班, station or airport, 送站 wanted (yes/no).</summary>
    public const string DepartureAt = "departure_at";
    public const string DepartureTrain = "departure_train";
    public const string DepartureStation = "departure_station";
    public const string DepartureDropoff = "departure_dropoff";

    /// <summary>住宿: wanted (yes/no); the rest is shown only when it is.</summary>
    public const string Lodging = "lodging";
    public const string Hotel = "hotel";
    public const string RoomType = "room_type";
    public const string RoomSingle = "single";
    public const string RoomTwinShared = "twin_shared";
    public const string RoomTwinAlone = "twin_alone";
    public const string SharedWith = "shared_with";
    public const string CheckIn = "check_in";
    public const string Nights = "nights";

    /// <summary>饮食: one of the diet keys; <see cref="DietOther"/> asks for the detail in <see cref="DietDetail"/>.</summary>
    public const string Diet = "diet";
    public const string DietNormal = "normal";
    public const string DietHalal = "halal";
    public const string DietVegetarian = "vegetarian";
    public const string DietOther = "other";
    public const string DietDetail = "diet_detail";

    /// <summary>陪同人员: any (yes/no), how many, and their names.</summary>
    public const string Companions = "companions";
    public const string CompanionCount = "companion_count";
    public const string CompanionNames = "companion_names";

    /// <summary>Answers encrypted at rest, masked in lists and erased after the retention period.</summary>
    public static readonly IReadOnlySet<string> Sensitive = new HashSet<string>(StringComparer.Ordinal) { Mobile, IdNumber };
}
