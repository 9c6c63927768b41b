# One image recipe for the three Spring Boot modules; docker-compose.yml passes the module and its port.
# Build context: the repository root.
FROM eclipse-temurin:17-jdk AS build
ARG MODULE
WORKDIR /src
COPY . .
RUN ./mvnw -B -ntp -q -pl ${MODULE} -am package -DskipTests \
    && cp ${MODULE}/target/${MODULE}-*.jar /src/service.jar

FROM eclipse-temurin:17-jre
ARG PORT
RUN useradd --system --uid 10001 qcurate
USER qcurate
COPY --from=build /src/service.jar /app/service.jar
EXPOSE ${PORT}
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/service.jar"]
