-- One database per service (architecture §2); same names as deploy/local/postgres.sh.
CREATE DATABASE intake;
CREATE DATABASE approval;
CREATE DATABASE land;
CREATE DATABASE agency;
CREATE DATABASE notifications;
