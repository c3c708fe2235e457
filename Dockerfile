# syntax=docker/dockerfile:1
# NetworkMaintenance web app: build with the SDK, run on the ASP.NET runtime as a non-root user on port 8080.
#   docker build -t networkmaintenance .
#   docker run -p 8080:8080 -v nm-data:/app/data \
#     -e Bootstrap__Administrator__UserName=admin -e Bootstrap__Administrator__Password='...' networkmaintenance

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore from the project files alone, so this layer is reused until a package or project reference changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/NetworkMaintenance.Core/NetworkMaintenance.Core.csproj src/NetworkMaintenance.Core/
COPY src/NetworkMaintenance.Migrations.Sqlite/NetworkMaintenance.Migrations.Sqlite.csproj src/NetworkMaintenance.Migrations.Sqlite/
COPY src/NetworkMaintenance.Migrations.SqlServer/NetworkMaintenance.Migrations.SqlServer.csproj src/NetworkMaintenance.Migrations.SqlServer/
COPY src/NetworkMaintenance.Migrations.PostgreSql/NetworkMaintenance.Migrations.PostgreSql.csproj src/NetworkMaintenance.Migrations.PostgreSql/
COPY src/NetworkMaintenance.Web/NetworkMaintenance.Web.csproj src/NetworkMaintenance.Web/
RUN dotnet restore src/NetworkMaintenance.Web/NetworkMaintenance.Web.csproj

COPY . .
RUN dotnet publish src/NetworkMaintenance.Web -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# DOTNET_GCgen0size: generation 0 collected every 16 MB of allocations instead of a budget sized from the processor's
# cache (80 MB on a server reporting a large one): ~70 MB less resident memory under load. Only an environment variable
# sets it (docs/operations.md, "Runtime settings of the published app").
ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080 \
    Database__DataDirectory=/app/data \
    DOTNET_GCgen0size=0x1000000

# The application files stay owned by root (read-only to the app); only the data folder is writable:
# the SQLite database and the log files live there.
COPY --from=build /app ./
RUN mkdir -p /app/data && chown "$APP_UID" /app/data
VOLUME /app/data

USER $APP_UID
EXPOSE 8080
# Liveness: the process answers /health/live (no database or disk check: restarting would not fix those; a load balancer
# asks /health/ready). The runtime image has no curl: bash's /dev/tcp sends the request.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "NetworkMaintenance.Web.dll"]
