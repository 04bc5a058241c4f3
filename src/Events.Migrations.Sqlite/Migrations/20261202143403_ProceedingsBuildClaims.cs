using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Events.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProceedingsBuildClaims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ClaimExpiresAt",
                table: "ProceedingsBuilds",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ClaimExpiresAt",
                table: "ProceedingsBuilds");
        }
    }
}
