package com.chairside.lead.importing;

import java.io.IOException;
import java.io.InputStream;

import org.bson.types.ObjectId;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Component;

/**
 * The uploaded files of imports, in GridFS: a restart loses none, and no memory holds a whole file. A file is kept
 * until its import is done.
 */
@Component
class ImportFiles {

	private final GridFsTemplate files;

	ImportFiles(MongoTemplate mongo, MongoDatabaseFactory factory) {
		this.files = new GridFsTemplate(factory, mongo.getConverter(), "lead_import_files");
	}

	/** Stores the CSV as it streams in; answers the file's id. */
	String store(InputStream csv, String importId) {
		ObjectId file = this.files.store(csv, "leads-" + importId + ".csv", "text/csv");
		return file.toHexString();
	}

	InputStream open(String fileId) throws IOException {
		return this.files.getResource(this.files.findOne(byId(fileId))).getInputStream();
	}

	void delete(String fileId) {
		this.files.delete(byId(fileId));
	}

	private static Query byId(String fileId) {
		return Query.query(Criteria.where("_id").is(new ObjectId(fileId)));
	}

}
