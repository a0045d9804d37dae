export * from "./enums";
export * from "./firms";
export * from "./auth";
export * from "./people";
export * from "./pipeline";
export * from "./debriefs";
export * from "./feedback";
export * from "./work";
