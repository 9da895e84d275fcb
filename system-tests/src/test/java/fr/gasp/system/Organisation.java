package fr.gasp.system;

/** A GASP set up through the API with its three groups, as each system test needs one. */
record Organisation(String gaspId, String agentsGroupId, String usersGroupId, String referentsGroupId) {

    static Organisation create(GaspService service, String name) throws Exception {
        String gaspId = created(service.command("secretariat", "POST", "/api/gasps",
                "{\"name\":\"" + name + "\",\"communes\":[\"Escaupont\",\"Bruay-sur-l'Escaut\"],"
                        + "\"occurredOn\":\"2000-06-01\"}"));
        return new Organisation(gaspId, group(service, gaspId, "AGENTS"), group(service, gaspId, "USERS"),
                group(service, gaspId, "REFERENTS"));
    }

    private static String group(GaspService service, String gaspId, String kind) throws Exception {
        return created(service.command("secretariat", "POST", "/api/groups",
                "{\"gaspId\":\"" + gaspId + "\",\"kind\":\"" + kind + "\",\"name\":\"Groupe " + kind + "\","
                        + "\"occurredOn\":\"2000-06-01\"}"));
    }

    private static String created(GaspService.Answer answer) {
        if (answer.status() != 201) {
            throw new IllegalStateException("expected 201, got " + answer);
        }
        return answer.id();
    }
}
