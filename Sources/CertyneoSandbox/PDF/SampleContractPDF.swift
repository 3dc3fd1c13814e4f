import Foundation

/// A two-page French service agreement with placeholder parties, to try uploads and signing
/// with (the CLI ships it as `sample-contract.pdf`).
enum SampleContractPDF {
    static func render(date: Date = Date(timeIntervalSince1970: 1_767_225_600)) -> [UInt8] {
        var layout = PDFPageLayout()
        layout.title("Contrat de prestation de services")
        layout.paragraph("Exemple fourni par Certyneo Sandbox - document fictif, sans valeur juridique.", size: 9)
        layout.rule()

        layout.heading("Entre les soussignés")
        layout.paragraph("La société EXEMPLE CONSEIL SAS, au capital de 10 000 €, immatriculée au RCS de Lyon sous le numéro 000 000 000, dont le siège est situé 1 rue de l'Exemple, 69000 Lyon, représentée par Madame Élise Prestataire, Présidente, ci-après « le Prestataire »,")
        layout.space(4)
        layout.paragraph("et la société CLIENT DÉMO SARL, au capital de 5 000 €, immatriculée au RCS de Nantes sous le numéro 111 111 111, dont le siège est situé 2 avenue du Modèle, 44000 Nantes, représentée par Monsieur François Client, Gérant, ci-après « le Client ».")
        layout.space(4)
        layout.paragraph("Il a été convenu ce qui suit.")

        for (title, text) in articles.prefix(5) {
            layout.heading(title)
            layout.paragraph(text)
        }
        layout.newPage()
        for (title, text) in articles.dropFirst(5) {
            layout.heading(title)
            layout.paragraph(text)
        }

        layout.heading("Signatures")
        layout.paragraph("Fait en deux exemplaires électroniques, à Lyon, le __________.")
        layout.space(10)
        layout.field("Pour le Prestataire", "Élise Prestataire, Présidente - signature : ____________________")
        layout.space(6)
        layout.field("Pour le Client", "François Client, Gérant - signature : ____________________")
        return PDFComposer.render(
            layout, title: "Contrat de prestation de services (exemple)",
            footer: "Contrat de prestation de services - exemple Certyneo Sandbox", created: date
        )
    }

    private static let articles: [(String, String)] = [
        ("Article 1 - Objet", "Le présent contrat a pour objet de définir les conditions dans lesquelles le Prestataire réalise pour le Client une mission de conseil et d'accompagnement à l'intégration d'une solution de signature électronique dans son système d'information (ci-après « la Prestation »)."),
        ("Article 2 - Durée", "Le contrat prend effet à la date de sa signature par les deux parties et est conclu pour une durée de douze (12) mois. Il se renouvelle ensuite tacitement par périodes successives de douze mois, sauf dénonciation par l'une des parties par lettre recommandée avec accusé de réception adressée au moins trois (3) mois avant son échéance."),
        ("Article 3 - Obligations du Prestataire", "Le Prestataire s'engage à exécuter la Prestation avec tout le soin et la diligence requis, conformément aux règles de l'art. Il est tenu d'une obligation de moyens. Il désigne un interlocuteur unique chargé du suivi de la mission et informe le Client sans délai de toute difficulté susceptible d'en affecter le bon déroulement."),
        ("Article 4 - Obligations du Client", "Le Client s'engage à fournir au Prestataire, en temps utile, toutes les informations et tous les documents nécessaires à la réalisation de la Prestation, à lui donner accès à ses environnements de test et à désigner un référent disposant du pouvoir de valider les livrables."),
        ("Article 5 - Prix et modalités de paiement", "En contrepartie de la Prestation, le Client verse au Prestataire une rémunération forfaitaire de 12 000 € hors taxes, payable en quatre échéances trimestrielles de 3 000 € HT. Les factures sont payables à trente (30) jours à compter de leur date d'émission. Tout retard de paiement entraîne l'application de pénalités égales à trois fois le taux d'intérêt légal ainsi que d'une indemnité forfaitaire de 40 € pour frais de recouvrement."),
        ("Article 6 - Confidentialité", "Chacune des parties s'engage à garder strictement confidentielles les informations de toute nature communiquées par l'autre partie à l'occasion de l'exécution du contrat, et à ne les utiliser que pour les besoins de celui-ci. Cette obligation demeure en vigueur pendant deux (2) ans après la fin du contrat."),
        ("Article 7 - Données personnelles", "Les parties s'engagent à respecter la réglementation applicable en matière de protection des données à caractère personnel, notamment le règlement (UE) 2016/679 (RGPD). Lorsque le Prestataire traite des données pour le compte du Client, il agit en qualité de sous-traitant et uniquement sur instruction documentée de ce dernier."),
        ("Article 8 - Responsabilité", "La responsabilité du Prestataire ne peut être engagée qu'en cas de faute prouvée. Elle est limitée, toutes causes confondues, au montant hors taxes effectivement perçu au titre du contrat au cours des douze mois précédant le fait générateur. Aucune des parties n'est responsable des dommages indirects."),
        ("Article 9 - Résiliation", "En cas de manquement de l'une des parties à l'une de ses obligations essentielles, non réparé dans un délai de trente (30) jours à compter de la réception d'une mise en demeure, l'autre partie peut résilier le contrat de plein droit, sans préjudice de tous dommages et intérêts."),
        ("Article 10 - Signature électronique", "Les parties conviennent de signer le présent contrat par voie électronique. Elles reconnaissent à la signature électronique la même valeur probante qu'à la signature manuscrite, conformément aux articles 1366 et 1367 du Code civil et au règlement (UE) n° 910/2014 (eIDAS)."),
        ("Article 11 - Droit applicable et litiges", "Le présent contrat est soumis au droit français. Tout différend relatif à sa formation, à son exécution ou à son interprétation est, à défaut d'accord amiable, soumis aux tribunaux compétents de Lyon."),
    ]
}
