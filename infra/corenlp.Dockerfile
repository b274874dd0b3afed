# syntax=docker/dockerfile:1
# The Stanford CoreNLP server (GPL-3.0, its own process; newsflow only talks HTTP to it) for
# docker-compose.yml. Built from the same pom as the local server (infra/local-nlp), so compose
# runs the same jars and the same server.properties as development, tests and CI.
# Build from the repository root:  docker build -f infra/corenlp.Dockerfile -t newsflow-corenlp:local .

# Resolve the CoreNLP jars (code 9 MB + English models 474 MB) from Maven Central into /jars.
FROM maven:3-eclipse-temurin-17 AS jars
WORKDIR /build
COPY infra/local-nlp/pom.xml pom.xml
RUN mvn -B -q --no-transfer-progress dependency:copy-dependencies -DoutputDirectory=/jars

FROM eclipse-temurin:17-jre
WORKDIR /opt/corenlp
COPY --from=jars /jars/ lib/
COPY infra/local-nlp/server.properties server.properties
# The server writes nothing to disk: run it as a user of its own.
RUN useradd --system --no-create-home --shell /usr/sbin/nologin corenlp
USER corenlp
# The server has no bind-address option: it listens on every interface, which inside the
# container is what the compose network needs (compose publishes no host port for it).
EXPOSE 9000
# Same flags as infra/local-nlp/start.sh: -preload loads the models server.properties names
# before the port opens, so /ready means ready and the first request is not a cold one.
# Exec form: SIGTERM from `docker compose stop` reaches the JVM.
CMD ["java", "-Xmx3g", "-Djava.awt.headless=true", "-cp", "lib/*", \
     "edu.stanford.nlp.pipeline.StanfordCoreNLPServer", \
     "-port", "9000", "-timeout", "60000", "-threads", "2", "-quiet", \
     "-serverProperties", "server.properties", \
     "-preload", "tokenize,ssplit,pos,lemma,ner"]
