using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Events.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class EnglishTitles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "Sessions",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "Events",
                type: "nvarchar(400)",
                maxLength: 400,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TitleEn",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "TitleEn",
                table: "Events");
        }
    }
}
