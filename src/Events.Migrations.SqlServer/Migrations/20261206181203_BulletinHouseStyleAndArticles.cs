using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Events.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class BulletinHouseStyleAndArticles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "HouseStyle",
                table: "BulletinSeries",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            // Data conversion (hand-written): the numbering style, cumulative switch and classification become the
            // house style's number lines and marks (BulletinHouseStyle.FromLegacy does the same in code) before their columns go.
            migrationBuilder.Sql("""
                UPDATE [BulletinSeries] SET [HouseStyle] = N'{"NumberLine1":' + CASE [YearlyNumberStyle] WHEN N'YearDash' THEN N'"{yyyy}-{n}"' WHEN N'IssueOfYear' THEN N'"{yyyy}年第{n}期"' ELSE N'null' END + N',"NumberLine2":' + CASE WHEN [UsesCumulativeNumber] = 1 THEN N'"（总第{total}期）"' ELSE N'null' END + N',"Marks":[' + CASE [Classification] WHEN N'Internal' THEN N'{"Text":"内部资料"}' WHEN N'LeadershipReference' THEN N'{"Text":"领导参阅"}' ELSE N'' END + N']}';
                """);

            migrationBuilder.DropColumn(
                name: "Classification",
                table: "BulletinSeries");

            migrationBuilder.DropColumn(
                name: "UsesCumulativeNumber",
                table: "BulletinSeries");

            migrationBuilder.DropColumn(
                name: "YearlyNumberStyle",
                table: "BulletinSeries");

            migrationBuilder.AddColumn<string>(
                name: "Articles",
                table: "Bulletins",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AuthorNotes",
                table: "Bulletins",
                type: "nvarchar(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "List");

            migrationBuilder.AddColumn<string>(
                name: "Column",
                table: "Bulletins",
                type: "nvarchar(60)",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kicker",
                table: "Bulletins",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Standfirst",
                table: "Bulletins",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subtitle",
                table: "Bulletins",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HouseStyle",
                table: "BulletinSeries");

            migrationBuilder.DropColumn(
                name: "Articles",
                table: "Bulletins");

            migrationBuilder.DropColumn(
                name: "AuthorNotes",
                table: "Bulletins");

            migrationBuilder.DropColumn(
                name: "Column",
                table: "Bulletins");

            migrationBuilder.DropColumn(
                name: "Kicker",
                table: "Bulletins");

            migrationBuilder.DropColumn(
                name: "Standfirst",
                table: "Bulletins");

            migrationBuilder.DropColumn(
                name: "Subtitle",
                table: "Bulletins");

            migrationBuilder.AddColumn<string>(
                name: "Classification",
                table: "BulletinSeries",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "UsesCumulativeNumber",
                table: "BulletinSeries",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "YearlyNumberStyle",
                table: "BulletinSeries",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");
        }
    }
}
