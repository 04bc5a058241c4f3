using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Events.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            // Data conversion (hand-written): the numbering style, cumulative switch and classification become the
            // house style's number lines and marks (BulletinHouseStyle.FromLegacy does the same in code) before their columns go.
            migrationBuilder.Sql("""
                UPDATE "BulletinSeries" SET "HouseStyle" = '{"NumberLine1":' || CASE "YearlyNumberStyle" WHEN 'YearDash' THEN '"{yyyy}-{n}"' WHEN 'IssueOfYear' THEN '"{yyyy}年第{n}期"' ELSE 'null' END || ',"NumberLine2":' || CASE WHEN "UsesCumulativeNumber" THEN '"（总第{total}期）"' ELSE 'null' END || ',"Marks":[' || CASE "Classification" WHEN 'Internal' THEN '{"Text":"内部资料"}' WHEN 'LeadershipReference' THEN '{"Text":"领导参阅"}' ELSE '' END || ']}';
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
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AuthorNotes",
                table: "Bulletins",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "List");

            migrationBuilder.AddColumn<string>(
                name: "Column",
                table: "Bulletins",
                type: "TEXT",
                maxLength: 60,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kicker",
                table: "Bulletins",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Standfirst",
                table: "Bulletins",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Subtitle",
                table: "Bulletins",
                type: "TEXT",
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
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<bool>(
                name: "UsesCumulativeNumber",
                table: "BulletinSeries",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "YearlyNumberStyle",
                table: "BulletinSeries",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");
        }
    }
}
