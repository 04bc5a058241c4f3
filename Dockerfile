# syntax=docker/dockerfile:1

# ---- build ------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Build settings and project files first, so the restore layer is reused until a package changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Events.Core/Events.Core.csproj src/Events.Core/
COPY src/Events.Infrastructure/Events.Infrastructure.csproj src/Events.Infrastructure/
COPY src/Events.Migrations.Sqlite/Events.Migrations.Sqlite.csproj src/Events.Migrations.Sqlite/
COPY src/Events.Migrations.SqlServer/Events.Migrations.SqlServer.csproj src/Events.Migrations.SqlServer/
COPY src/Events.Web/Events.Web.csproj src/Events.Web/
RUN dotnet restore src/Events.Web/Events.Web.csproj

# .editorconfig carries the analyzer severities; warnings are errors, so the build needs it.
COPY .editorconfig ./
COPY src/ src/
COPY seeds/ seeds/
RUN dotnet publish src/Events.Web -c Release -o /app --no-restore -p:UseAppHost=false

# ---- runtime ----------------------------------------------------------------
# The .NET 10 images (aspnet:10.0) are Ubuntu 24.04 and no Debian variant is shipped; on Ubuntu
# "apt-get install chromium" only brings a snap wrapper that does not work in a container.
# So the runtime is Debian 13 with the ASP.NET Core runtime copied from the official aspnet image.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS aspnet

FROM debian:trixie-slim AS runtime
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates libc6 libgcc-s1 libicu76 libssl3t64 libstdc++6 tzdata \
        chromium chromium-headless-shell fonts-noto-cjk \
    && rm -rf /var/lib/apt/lists/*

COPY --from=aspnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet

# Same non-root user as the official .NET images (app, uid 1654); /data holds uploads and keys.
ENV APP_UID=1654
RUN groupadd --gid=$APP_UID app \
    && useradd --no-log-init --uid=$APP_UID --gid=app --create-home app \
    && mkdir -p /data \
    && chown app:app /data

ENV DOTNET_RUNNING_IN_CONTAINER=true \
    ASPNETCORE_URLS=http://+:8080 \
    App__DataPath=/data \
    Pdf__BrowserPath=/usr/bin/chromium

WORKDIR /app
COPY --from=build /app ./

USER app
EXPOSE 8080
# Healthy once the public pages are warm: /healthz/ready answers 503 during the warm-up after start (/healthz, liveness,
# answers at once). The image has no curl, so bash's /dev/tcp asks; docker compose uses this check too.
HEALTHCHECK --interval=10s --timeout=5s --start-period=120s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "Events.Web.dll"]
